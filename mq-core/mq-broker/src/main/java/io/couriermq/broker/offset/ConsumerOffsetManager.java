package io.couriermq.broker.offset;

import io.couriermq.common.metadata.AtomicJsonFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * Committed consumer offsets per group, topic and queue: the offset of the next message the group will
 * consume. Commits land in memory; {@link #persist()} writes the table atomically when something
 * changed (periodically and at shutdown), so a crash loses at most one interval of commits, which
 * consumers then re-consume: at-least-once, never a gap.
 */
public final class ConsumerOffsetManager {
    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsetManager.class);
    private static final TypeReference<Map<String, Map<String, Map<Integer, Long>>>> FILE_TYPE =
            new TypeReference<>() {};

    /** group -> topic -> queue id -> offset. */
    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<Integer, Long>>> committed =
            new ConcurrentHashMap<>();

    private final AtomicJsonFile file;
    private final AtomicBoolean dirty = new AtomicBoolean();

    public ConsumerOffsetManager(Path configDir) {
        this.file = new AtomicJsonFile(configDir.resolve("consumerOffsets.json"));
        load();
    }

    public void commit(String group, String topic, int queueId, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException(
                    "offset of " + group + " on " + topic + "/" + queueId + " must not be negative, was " + offset);
        }
        queuesOf(group, topic).put(queueId, offset);
        dirty.set(true);
    }

    public OptionalLong committedOffset(String group, String topic, int queueId) {
        Map<String, ConcurrentMap<Integer, Long>> topics = committed.get(group);
        Map<Integer, Long> queues = topics == null ? null : topics.get(topic);
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Committed offsets of one group on one topic, by queue id. */
    public Map<Integer, Long> offsetsOf(String group, String topic) {
        Map<String, ConcurrentMap<Integer, Long>> topics = committed.get(group);
        Map<Integer, Long> queues = topics == null ? null : topics.get(topic);
        return queues == null ? Map.of() : new TreeMap<>(queues);
    }

    public Set<String> topicsOf(String group) {
        Map<String, ConcurrentMap<Integer, Long>> topics = committed.get(group);
        return topics == null ? Set.of() : new TreeSet<>(topics.keySet());
    }

    /** Groups that have committed an offset on {@code topic}. */
    public Set<String> groupsOf(String topic) {
        Set<String> groups = new TreeSet<>();
        committed.forEach((group, topics) -> {
            if (topics.containsKey(topic)) {
                groups.add(group);
            }
        });
        return groups;
    }

    public void removeGroup(String group) {
        if (committed.remove(group) != null) {
            dirty.set(true);
        }
    }

    public void removeTopic(String topic) {
        committed.values().forEach(topics -> {
            if (topics.remove(topic) != null) {
                dirty.set(true);
            }
        });
    }

    /** Writes the table if anything changed since the last write. */
    public void persist() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            Map<String, Map<String, Map<Integer, Long>>> copy = new TreeMap<>();
            committed.forEach((group, topics) -> {
                Map<String, Map<Integer, Long>> topicCopy = new TreeMap<>();
                topics.forEach((topic, queues) -> topicCopy.put(topic, new TreeMap<>(queues)));
                copy.put(group, topicCopy);
            });
            file.write(copy);
        } catch (RuntimeException e) {
            dirty.set(true);
            throw e;
        }
    }

    private ConcurrentMap<Integer, Long> queuesOf(String group, String topic) {
        return committed
                .computeIfAbsent(group, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(topic, ignored -> new ConcurrentHashMap<>());
    }

    private void load() {
        file.read(FILE_TYPE).ifPresent(stored -> {
            stored.forEach((group, topics) -> topics.forEach((topic, queues) ->
                    queues.forEach((queueId, offset) -> queuesOf(group, topic).put(queueId, offset))));
            log.info("loaded consumer offsets of {} groups from {}", stored.size(), file.path());
        });
    }
}
