package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CHECK_TRANSACTION_STATE header (broker to producer, oneway): asks the producer how a half message
 * ended. The producer echoes these values (and {@code bname}) back in END_TRANSACTION.
 */
public record CheckTransactionStateRequestHeader(
        long tranStateTableOffset,
        long commitLogOffset,
        String msgId,
        String transactionId,
        String offsetMsgId,
        String topic,
        String brokerName)
        implements CommandHeader {

    public static CheckTransactionStateRequestHeader decode(HeaderFields fields) {
        return new CheckTransactionStateRequestHeader(
                fields.requireLong("tranStateTableOffset"),
                fields.requireLong("commitLogOffset"),
                fields.optionalString("msgId"),
                fields.optionalString("transactionId"),
                fields.optionalString("offsetMsgId"),
                fields.optionalString("topic"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
        ExtFields.put(extFields, "commitLogOffset", commitLogOffset);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "transactionId", transactionId);
        ExtFields.put(extFields, "offsetMsgId", offsetMsgId);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
