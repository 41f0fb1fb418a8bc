package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * UNREGISTER_CLIENT header, sent at client shutdown once per group. Note the key {@code clientID} with a
 * capital "ID" (the official field name). A ghost id left registered skews every later rebalance.
 */
public record UnregisterClientRequestHeader(String clientId, String producerGroup, String consumerGroup)
        implements CommandHeader {

    public static UnregisterClientRequestHeader decode(HeaderFields fields) {
        return new UnregisterClientRequestHeader(
                fields.requireString("clientID"),
                fields.optionalString("producerGroup"),
                fields.optionalString("consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("clientID", clientId);
        ExtFields.put(extFields, "producerGroup", producerGroup);
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
    }
}
