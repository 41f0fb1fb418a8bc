package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * PUSH_REPLY_MESSAGE_TO_CLIENT header (broker to the requesting client): a reply message in the send
 * header's fields plus where it was born and stored. Hosts are {@code ip:port} without a leading slash;
 * the client parses them with {@code string2SocketAddress}.
 */
public record ReplyMessageRequestHeader(
        String producerGroup,
        String topic,
        String defaultTopic,
        int defaultTopicQueueNums,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        String properties,
        Integer reconsumeTimes,
        boolean unitMode,
        String bornHost,
        String storeHost,
        long storeTimestamp)
        implements CommandHeader {

    public static ReplyMessageRequestHeader decode(HeaderFields fields) {
        return new ReplyMessageRequestHeader(
                fields.requireString("producerGroup"),
                fields.requireString("topic"),
                fields.requireString("defaultTopic"),
                fields.requireInt("defaultTopicQueueNums"),
                fields.requireInt("queueId"),
                fields.requireInt("sysFlag"),
                fields.requireLong("bornTimestamp"),
                fields.requireInt("flag"),
                fields.optionalString("properties"),
                fields.optionalInt("reconsumeTimes"),
                fields.booleanOr("unitMode", false),
                fields.requireString("bornHost"),
                fields.requireString("storeHost"),
                fields.requireLong("storeTimestamp"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("producerGroup", producerGroup);
        extFields.put("topic", topic);
        extFields.put("defaultTopic", defaultTopic);
        ExtFields.put(extFields, "defaultTopicQueueNums", defaultTopicQueueNums);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "sysFlag", sysFlag);
        ExtFields.put(extFields, "bornTimestamp", bornTimestamp);
        ExtFields.put(extFields, "flag", flag);
        ExtFields.put(extFields, "properties", properties);
        ExtFields.put(extFields, "reconsumeTimes", reconsumeTimes);
        ExtFields.put(extFields, "unitMode", unitMode);
        extFields.put("bornHost", bornHost);
        extFields.put("storeHost", storeHost);
        ExtFields.put(extFields, "storeTimestamp", storeTimestamp);
    }
}
