package io.couriermq.store;

/** Durability policy of the commit log (broker.conf {@code flushDiskType}). */
public enum FlushDiskType {
    /** A put completes when a group-commit force covers it. */
    SYNC_FLUSH,
    /** A put completes at once; the commit log is forced every {@code flushIntervalCommitLog} ms. */
    ASYNC_FLUSH
}
