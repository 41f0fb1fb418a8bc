package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * END_TRANSACTION header (client to broker, oneway): commit or roll back a half message found by its
 * commit-log offset. {@code fromTransactionCheck} is a Boolean initialised to false in the official
 * class, so clients always send it; absent is read as false.
 */
public record EndTransactionRequestHeader(
        String producerGroup,
        long tranStateTableOffset,
        long commitLogOffset,
        int commitOrRollback,
        boolean fromTransactionCheck,
        String msgId,
        String transactionId,
        String topic,
        String brokerName)
        implements CommandHeader {

    /** The producer does not know yet (UNKNOW): nothing to do, a check-back will ask again. */
    public static final int TRANSACTION_NOT_TYPE = 0;

    public static final int TRANSACTION_COMMIT_TYPE = 8;
    public static final int TRANSACTION_ROLLBACK_TYPE = 12;

    public static EndTransactionRequestHeader decode(HeaderFields fields) {
        return new EndTransactionRequestHeader(
                fields.requireString("producerGroup"),
                fields.requireLong("tranStateTableOffset"),
                fields.requireLong("commitLogOffset"),
                fields.requireInt("commitOrRollback"),
                fields.booleanOr("fromTransactionCheck", false),
                fields.requireString("msgId"),
                fields.optionalString("transactionId"),
                fields.optionalString("topic"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("producerGroup", producerGroup);
        ExtFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
        ExtFields.put(extFields, "commitLogOffset", commitLogOffset);
        ExtFields.put(extFields, "commitOrRollback", commitOrRollback);
        ExtFields.put(extFields, "fromTransactionCheck", fromTransactionCheck);
        extFields.put("msgId", msgId);
        ExtFields.put(extFields, "transactionId", transactionId);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
