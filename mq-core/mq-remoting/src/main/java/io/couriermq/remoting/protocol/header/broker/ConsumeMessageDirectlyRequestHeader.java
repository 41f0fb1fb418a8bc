package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CONSUME_MESSAGE_DIRECTLY header (admin to broker, broker to client; official class
 * ConsumeMessageDirectlyResultRequestHeader). The broker adds the stored message as the body; the
 * client hands it to the group's listener once. Only the group is required.
 */
public record ConsumeMessageDirectlyRequestHeader(
        String consumerGroup, String clientId, String msgId, String brokerName, String topic) implements CommandHeader {

    public static ConsumeMessageDirectlyRequestHeader decode(HeaderFields fields) {
        return new ConsumeMessageDirectlyRequestHeader(
                fields.requireString("consumerGroup"),
                fields.optionalString("clientId"),
                fields.optionalString("msgId"),
                fields.optionalString("brokerName"),
                fields.optionalString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        ExtFields.put(extFields, "clientId", clientId);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "brokerName", brokerName);
        ExtFields.put(extFields, "topic", topic);
    }
}
