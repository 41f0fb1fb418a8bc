package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * GET_CONSUMER_RUNNING_INFO header (admin to broker, relayed unchanged to the client). {@code
 * jstackEnable} is a primitive in the official class, so it is always written.
 */
public record GetConsumerRunningInfoRequestHeader(String consumerGroup, String clientId, boolean jstackEnable)
        implements CommandHeader {

    public static GetConsumerRunningInfoRequestHeader decode(HeaderFields fields) {
        return new GetConsumerRunningInfoRequestHeader(
                fields.requireString("consumerGroup"),
                fields.requireString("clientId"),
                fields.booleanOr("jstackEnable", false));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        extFields.put("clientId", clientId);
        ExtFields.put(extFields, "jstackEnable", jstackEnable);
    }
}
