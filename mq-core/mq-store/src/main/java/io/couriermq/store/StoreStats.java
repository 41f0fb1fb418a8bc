package io.couriermq.store;

/**
 * A snapshot of the store's counters, for metrics and admin commands.
 *
 * @param commitLogMinOffset first byte still stored
 * @param commitLogMaxOffset one past the last byte appended
 * @param flushedOffset one past the last byte forced to disk
 * @param dispatchedOffset one past the last record visible in consume queues
 * @param earliestStoreTimestampMs store time of the oldest stored message, -1 when empty
 * @param putCount messages appended since start
 * @param putBytes record bytes appended since start
 * @param putLatencyMaxMicros slowest append (encode + lock + copy) since start
 * @param forceCount forces of the commit log since start
 * @param appendsPerForce acknowledged appends per force (the group-commit factor; SYNC_FLUSH)
 * @param diskUsedRatio used fraction of the store's disk at the last check
 * @param writable whether puts are accepted
 * @param notWritableReason why not, empty when writable
 * @param forceNanosTotal time spent forcing the commit log since start (with forceCount: flush latency)
 * @param consumeQueueEntries entries still held by every consume queue (each {@code ConsumeQueue.ENTRY_BYTES});
 *     after a crash, a queue is counted from its first use on (until then where its entries end is not read)
 * @param appendLockHeldMs how long the append in progress has held the commit log's append lock, 0 when
 *     none does (RocketMQ's "page cache lock time": a stuck disk shows here first)
 * @param mappedConsumeQueueFiles consume-queue segments mapped now (within {@code maxMappedConsumeQueueFiles})
 * @param consumeQueueParks times a consume queue was unmapped to stay within that budget, since start
 */
public record StoreStats(
        long commitLogMinOffset,
        long commitLogMaxOffset,
        long flushedOffset,
        long dispatchedOffset,
        long earliestStoreTimestampMs,
        long putCount,
        long putBytes,
        long putLatencyMaxMicros,
        long forceCount,
        double appendsPerForce,
        double diskUsedRatio,
        boolean writable,
        String notWritableReason,
        long forceNanosTotal,
        long consumeQueueEntries,
        long appendLockHeldMs,
        int mappedConsumeQueueFiles,
        long consumeQueueParks) {}
