package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * QUERY_CONSUMER_OFFSET header. {@code setZeroIfNotFound} (5.x) is never set by the official client;
 * null means "the broker's default" (answer 0 for a young queue rather than QUERY_NOT_FOUND).
 */
public record QueryConsumerOffsetRequestHeader(
        String consumerGroup, String topic, int queueId, Boolean setZeroIfNotFound, String brokerName)
        implements CommandHeader {

    public static QueryConsumerOffsetRequestHeader decode(HeaderFields fields) {
        return new QueryConsumerOffsetRequestHeader(
                fields.requireString("consumerGroup"),
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.optionalBoolean("setZeroIfNotFound"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "setZeroIfNotFound", setZeroIfNotFound);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
