package io.couriermq.store;

/** Outcome of a put. The store's own vocabulary; the broker maps it to response codes. */
public enum PutStatus {
    /** Appended, and durable as far as the flush policy promises. */
    PUT_OK,
    /** Appended, but the group-commit force did not cover it within {@code syncFlushTimeout}. */
    FLUSH_DISK_TIMEOUT,
    /**
     * SYNC_MASTER: appended and flushed here, but no slave acknowledged it within {@code syncFlushTimeout}.
     * Set by the broker's replication, never by the store.
     */
    FLUSH_SLAVE_TIMEOUT,
    /** SYNC_MASTER: appended here, but no slave is connected or in sync. Set by the broker's replication. */
    SLAVE_NOT_AVAILABLE,
    /** The record exceeds {@code maxMessageSize} (or a batch mixes queues, or is empty). */
    MESSAGE_ILLEGAL,
    /** The properties string is longer than 32767 bytes or the topic longer than the layout allows. */
    PROPERTIES_SIZE_EXCEEDED,
    /** The store is shut down, the disk is full, or the directory cannot be written. Nothing was stored. */
    SERVICE_NOT_AVAILABLE
}
