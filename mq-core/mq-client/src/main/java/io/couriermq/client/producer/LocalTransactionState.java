package io.couriermq.client.producer;

import io.couriermq.remoting.protocol.header.broker.EndTransactionRequestHeader;

/** The outcome of a local transaction, as the broker is told it. */
public enum LocalTransactionState {
    /** The message becomes visible to consumers. */
    COMMIT(EndTransactionRequestHeader.TRANSACTION_COMMIT_TYPE),
    /** The message is discarded. */
    ROLLBACK(EndTransactionRequestHeader.TRANSACTION_ROLLBACK_TYPE),
    /** Not known yet: the broker asks again later through the check-back. */
    UNKNOWN(EndTransactionRequestHeader.TRANSACTION_NOT_TYPE);

    private final int wireValue;

    LocalTransactionState(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The END_TRANSACTION commitOrRollback value. */
    public int wireValue() {
        return wireValue;
    }
}
