package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CANCEL_PENDING_DELIVERY header (CourierMQ extension): the client id (UNIQ_KEY) or offset message id of
 * a message waiting for a later delivery.
 */
public record CancelPendingDeliveryRequestHeader(String messageId) implements CommandHeader {

    public static CancelPendingDeliveryRequestHeader decode(HeaderFields fields) {
        return new CancelPendingDeliveryRequestHeader(fields.requireString("messageId"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "messageId", messageId);
    }
}
