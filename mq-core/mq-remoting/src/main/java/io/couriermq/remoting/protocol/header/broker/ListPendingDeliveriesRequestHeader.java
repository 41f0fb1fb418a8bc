package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * LIST_PENDING_DELIVERIES header (CourierMQ extension): the messages waiting for a later delivery to
 * {@code topic}, earliest due first, at most {@code limit}.
 */
public record ListPendingDeliveriesRequestHeader(String topic, int limit) implements CommandHeader {
    public static final int DEFAULT_LIMIT = 100;

    public static ListPendingDeliveriesRequestHeader decode(HeaderFields fields) {
        return new ListPendingDeliveriesRequestHeader(
                fields.requireString("topic"), fields.intOr("limit", DEFAULT_LIMIT));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "limit", limit);
    }
}
