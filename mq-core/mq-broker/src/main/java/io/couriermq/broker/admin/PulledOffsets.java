package io.couriermq.broker.admin;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each group has pulled each queue: the next offset its last pull will continue from. Reported
 * as {@code pullOffset} in GET_CONSUME_STATS (messages pulled but not yet committed are in flight).
 * Held in memory only; the pull path records, admin reads. Thread-safe.
 */
public final class PulledOffsets {
    private record Key(String group, String topic, int queueId) {}

    private final Map<Key, Long> pulled = new ConcurrentHashMap<>();

    /** Records that {@code group} will next pull {@code nextOffset} of the queue; never moves backwards. */
    public void record(String group, String topic, int queueId, long nextOffset) {
        pulled.merge(new Key(group, topic, queueId), nextOffset, Math::max);
    }

    public OptionalLong pulledOffset(String group, String topic, int queueId) {
        Long offset = pulled.get(new Key(group, topic, queueId));
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Forgets a topic's entries (after it is deleted), so a re-created topic starts clean. */
    public void removeTopic(String topic) {
        pulled.keySet().removeIf(key -> key.topic().equals(topic));
    }
}
