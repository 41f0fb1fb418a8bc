package io.couriermq.spring.core;

/** The outcome of a local transaction, told to the broker: commit delivers the half message, rollback drops it. */
public enum MQLocalTransactionState {
    COMMIT,
    ROLLBACK,
    /** Not decided yet: the broker asks {@link MQLocalTransactionListener#checkLocalTransaction} later. */
    UNKNOWN
}
