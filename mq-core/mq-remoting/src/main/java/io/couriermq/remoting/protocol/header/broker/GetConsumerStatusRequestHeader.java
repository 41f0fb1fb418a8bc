package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (admin to broker) and GET_CONSUMER_STATUS_FROM_CLIENT (broker to
 * client) header. Despite its name, {@code clientAddr} is compared with client ids (as RocketMQ does);
 * null or blank asks every member of the group.
 */
public record GetConsumerStatusRequestHeader(String topic, String group, String clientAddr) implements CommandHeader {

    public static GetConsumerStatusRequestHeader decode(HeaderFields fields) {
        return new GetConsumerStatusRequestHeader(
                fields.requireString("topic"), fields.requireString("group"), fields.optionalString("clientAddr"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        extFields.put("group", group);
        ExtFields.put(extFields, "clientAddr", clientAddr);
    }
}
