package io.couriermq.store.commitlog;

import java.util.HashMap;
import java.util.Map;

/**
 * The next logical offset of every queue. Read and advanced only under the commit log's append lock, so
 * that the physical order of records and the order of queue offsets can never disagree.
 *
 * <p>A queue not appended to since the start is asked of {@link StartingOffsets} the first time it is (the
 * consume queues know where each ends), and cached: recovery sets no queue's offset, so a start reads no
 * consume queue that is not then written.
 */
public final class QueueOffsetTable {
    private final Map<TopicQueue, Long> nextOffsets = new HashMap<>();
    private final StartingOffsets startingOffsets;

    /** Where a queue continues when it is first appended to after the start. */
    @FunctionalInterface
    public interface StartingOffsets {
        /** The offset the queue's next message gets: 0 for a queue that does not exist. */
        long nextOffset(String topic, int queueId);
    }

    /** Every queue starts at 0 (an empty store, and tests). */
    public QueueOffsetTable() {
        this((topic, queueId) -> 0);
    }

    public QueueOffsetTable(StartingOffsets startingOffsets) {
        this.startingOffsets = startingOffsets;
    }

    long next(String topic, int queueId) {
        TopicQueue key = new TopicQueue(topic, queueId);
        Long next = nextOffsets.get(key);
        if (next == null) {
            next = startingOffsets.nextOffset(topic, queueId);
            nextOffsets.put(key, next);
        }
        return next;
    }

    void advance(String topic, int queueId, long newNext) {
        nextOffsets.put(new TopicQueue(topic, queueId), newNext);
    }

    /** Sets where a queue continues (replication cutting the log). Under the append lock, or before appends start. */
    public synchronized void reset(String topic, int queueId, long nextOffset) {
        nextOffsets.put(new TopicQueue(topic, queueId), nextOffset);
    }

    private record TopicQueue(String topic, int queueId) {}
}
