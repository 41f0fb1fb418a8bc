package io.couriermq.store.queue;

/**
 * The commit log, as far as a deferred trim needs it ({@link TailTrim}): whether it contradicts a
 * consume-queue entry.
 */
@FunctionalInterface
public interface EntryCheck {
    /**
     * Whether the log has bytes at or past {@code commitLogOffset} but no record of {@code topic}-{@code queueId}
     * at {@code queueOffset} starts there; false below the log's first byte, where nothing can be told.
     */
    boolean contradicts(long commitLogOffset, String topic, int queueId, long queueOffset);
}
