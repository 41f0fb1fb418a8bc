package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CONSUME_MESSAGE_DIRECTLY header: admin asks the broker to have one consumer ({@code clientId} of
 * {@code consumerGroup}) consume the message {@code msgId} (an offsetMsgId) once. The broker fills in
 * {@code brokerName}, {@code topicSysFlag} and {@code groupSysFlag} before relaying it to the client.
 */
public record ConsumeMessageDirectlyResultRequestHeader(
        String consumerGroup,
        String clientId,
        String msgId,
        String brokerName,
        String topic,
        Integer topicSysFlag,
        Integer groupSysFlag)
        implements CommandHeader {

    public static ConsumeMessageDirectlyResultRequestHeader decode(HeaderFields fields) {
        return new ConsumeMessageDirectlyResultRequestHeader(
                fields.requireString("consumerGroup"),
                fields.optionalString("clientId"),
                fields.optionalString("msgId"),
                fields.optionalString("brokerName"),
                fields.optionalString("topic"),
                fields.optionalInt("topicSysFlag"),
                fields.optionalInt("groupSysFlag"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        ExtFields.put(extFields, "clientId", clientId);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "brokerName", brokerName);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "topicSysFlag", topicSysFlag);
        ExtFields.put(extFields, "groupSysFlag", groupSysFlag);
    }
}
