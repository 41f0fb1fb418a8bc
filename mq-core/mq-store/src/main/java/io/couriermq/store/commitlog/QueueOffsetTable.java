package io.couriermq.store.commitlog;

import java.util.HashMap;
import java.util.Map;

/**
 * The next logical offset of every queue. Read and advanced only under the commit log's append lock, so
 * that the physical order of records and the order of queue offsets can never disagree.
 */
public final class QueueOffsetTable {
    private final Map<TopicQueue, Long> nextOffsets = new HashMap<>();

    long next(String topic, int queueId) {
        return nextOffsets.getOrDefault(new TopicQueue(topic, queueId), 0L);
    }

    void advance(String topic, int queueId, long newNext) {
        nextOffsets.put(new TopicQueue(topic, queueId), newNext);
    }

    /** Recovery: sets where a queue continues. Must run before appends start. */
    public synchronized void reset(String topic, int queueId, long nextOffset) {
        nextOffsets.put(new TopicQueue(topic, queueId), nextOffset);
    }

    private record TopicQueue(String topic, int queueId) {}
}
