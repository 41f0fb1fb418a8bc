package io.couriermq.broker.offset;

import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import io.couriermq.remoting.protocol.body.DataVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

/**
 * Committed consumer offsets per group, topic and queue: the offset of the next message the group will
 * consume. Commits land in memory; {@link #persist()} writes the table atomically when something
 * changed (periodically and at shutdown), so a crash loses at most one interval of commits, which
 * consumers then re-consume: at-least-once, never a gap.
 *
 * <p>Replication: a master serves the table ({@link #snapshot()}), records admin resets and takes
 * slaves' hand-backs ({@link #handBack}); a slave adopts the master's table except for its own newer
 * commits ({@link #applyMaster}). Each entry remembers when a client committed it here for that rule.
 */
public final class ConsumerOffsetManager {
    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsetManager.class);
    private static final TypeReference<Map<String, Map<String, Map<Integer, Long>>>> FILE_TYPE =
            new TypeReference<>() {};

    /** One queue's offset, and when a client committed it on this broker (0: loaded or adopted). */
    private record Committed(long offset, long localCommitMs) {}

    /** group -> topic -> queue id -> offset. */
    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<Integer, Committed>>> committed =
            new ConcurrentHashMap<>();

    private final AtomicJsonFile file;
    private final OffsetResetLog resets;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private volatile long lastChangeMs;

    /** With the system clock (commit times are only compared across brokers, never measured). */
    public ConsumerOffsetManager(Path configDir) {
        this(configDir, Clock.system());
    }

    public ConsumerOffsetManager(Path configDir, Clock clock) {
        this.file = new AtomicJsonFile(configDir.resolve("consumerOffsets.json"));
        this.resets = new OffsetResetLog(configDir);
        this.clock = clock;
        this.lastChangeMs = clock.millis();
        load();
    }

    /** A client's commit: taken as it is, even when it moves the offset back. */
    public void commit(String group, String topic, int queueId, long offset) {
        requireNotNegative(group, topic, queueId, offset);
        queuesOf(group, topic).put(queueId, new Committed(offset, clock.millis()));
        changed();
    }

    /**
     * An admin reset of one queue (it may move back): recorded, so that a slave's hand-back of an older
     * commit does not undo it.
     */
    public void reset(String group, String topic, int queueId, long offset) {
        requireNotNegative(group, topic, queueId, offset);
        resets.record(group, topic, clock.millis());
        queuesOf(group, topic).put(queueId, new Committed(offset, clock.millis()));
        changed();
    }

    /**
     * An admin reset of several queues of one topic (reset by time, clone): one recorded reset, then
     * every queue's new offset.
     */
    public void resetAll(String group, String topic, Map<Integer, Long> offsetsByQueue) {
        offsetsByQueue.forEach((queueId, offset) -> requireNotNegative(group, topic, queueId, offset));
        if (offsetsByQueue.isEmpty()) {
            return;
        }
        long now = clock.millis();
        resets.record(group, topic, now);
        ConcurrentMap<Integer, Committed> queues = queuesOf(group, topic);
        offsetsByQueue.forEach((queueId, offset) -> queues.put(queueId, new Committed(offset, now)));
        changed();
    }

    /**
     * A slave hands back an offset a client committed on it at {@code committedAtMs} (the slave's clock)
     * while it could not reach this master. It only ever moves the offset forward, and not at all when
     * an admin reset the group's offsets on the topic since. Returns whether it was taken.
     */
    public boolean handBack(String group, String topic, int queueId, long offset, long committedAtMs) {
        requireNotNegative(group, topic, queueId, offset);
        if (resets.lastResetMs(group, topic) >= committedAtMs) {
            return false;
        }
        Committed handed = new Committed(offset, clock.millis());
        Committed result = queuesOf(group, topic)
                .merge(queueId, handed, (current, given) -> current.offset() >= given.offset() ? current : given);
        if (result == handed) {
            changed();
        }
        return result.offset() == offset;
    }

    public OptionalLong committedOffset(String group, String topic, int queueId) {
        Committed entry = entry(group, topic, queueId);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.offset());
    }

    /** Committed offsets of one group on one topic, by queue id. */
    public Map<Integer, Long> offsetsOf(String group, String topic) {
        Map<String, ConcurrentMap<Integer, Committed>> topics = committed.get(group);
        Map<Integer, Committed> queues = topics == null ? null : topics.get(topic);
        Map<Integer, Long> offsets = new TreeMap<>();
        if (queues != null) {
            queues.forEach((queueId, entry) -> offsets.put(queueId, entry.offset()));
        }
        return offsets;
    }

    public Set<String> topicsOf(String group) {
        Map<String, ConcurrentMap<Integer, Committed>> topics = committed.get(group);
        return topics == null ? Set.of() : new TreeSet<>(topics.keySet());
    }

    /** Every group with committed offsets here, sorted. */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        committed.forEach((group, topics) -> {
            if (!topics.isEmpty()) {
                groups.add(group);
            }
        });
        return groups;
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

    /** Drops a deleted group's offsets; counts as a reset of each of its topics. */
    public void removeGroup(String group) {
        Map<String, ConcurrentMap<Integer, Committed>> removed = committed.remove(group);
        if (removed != null) {
            removed.keySet().forEach(topic -> resets.record(group, topic, clock.millis()));
            changed();
        }
    }

    /** Drops a deleted topic's offsets; counts as a reset of each group's offsets on it. */
    public void removeTopic(String topic) {
        committed.forEach((group, topics) -> {
            if (topics.remove(topic) != null) {
                resets.record(group, topic, clock.millis());
                changed();
            }
        });
    }

    /** The whole table in RocketMQ's GET_ALL_CONSUMER_OFFSET shape ("topic@group" keys). */
    public ConsumerOffsetSerializeWrapper snapshot() {
        DataVersion version = dataVersion();
        Map<String, Map<Integer, Long>> table = new TreeMap<>();
        committed.forEach((group, topics) -> topics.forEach((topic, queues) -> {
            Map<Integer, Long> offsets = new TreeMap<>();
            queues.forEach((queueId, entry) -> offsets.put(queueId, entry.offset()));
            table.put(ConsumerOffsetSerializeWrapper.key(topic, group), offsets);
        }));
        return new ConsumerOffsetSerializeWrapper(table, version);
    }

    /** Counts every change since start, stamped with the time of the last one. */
    public DataVersion dataVersion() {
        return new DataVersion(lastChangeMs, changes.get(), 0);
    }

    /**
     * A slave adopts its master's offsets, except where a client committed here after {@code
     * lastSyncMs} (the start of the last successful sync) beyond the master's offset. Those entries, and
     * such commits the master has no entry for, are kept and returned, to be handed back. Entries the
     * master does not have are otherwise left alone, as on RocketMQ.
     */
    public List<LocalCommit> applyMaster(Map<String, Map<Integer, Long>> masterTable, long lastSyncMs) {
        List<LocalCommit> kept = new ArrayList<>();
        masterTable.forEach((key, queues) -> {
            int separator = key.indexOf(ConsumerOffsetSerializeWrapper.KEY_SEPARATOR);
            if (separator <= 0 || separator == key.length() - 1) {
                log.warn("master's offset table has a malformed key '{}'; skipped", key);
                return;
            }
            String topic = key.substring(0, separator);
            String group = key.substring(separator + 1);
            queues.forEach((queueId, offset) -> adopt(group, topic, queueId, offset, lastSyncMs, kept));
        });
        committed.forEach((group, topics) -> topics.forEach((topic, queues) -> queues.forEach((queueId, entry) -> {
            Map<Integer, Long> master = masterTable.get(ConsumerOffsetSerializeWrapper.key(topic, group));
            if ((master == null || !master.containsKey(queueId)) && entry.localCommitMs() > lastSyncMs) {
                kept.add(new LocalCommit(group, topic, queueId, entry.offset(), entry.localCommitMs()));
            }
        })));
        return kept;
    }

    private void adopt(
            String group, String topic, int queueId, long masterOffset, long lastSyncMs, List<LocalCommit> kept) {
        if (masterOffset < 0) {
            return;
        }
        Committed adopted = new Committed(masterOffset, 0);
        Committed result = queuesOf(group, topic).compute(queueId, (id, local) -> {
            boolean keepLocal = local != null
                    && (local.offset() == masterOffset
                            || (local.localCommitMs() > lastSyncMs && local.offset() > masterOffset));
            return keepLocal ? local : adopted;
        });
        if (result == adopted) {
            dirty.set(true);
        } else if (result.offset() > masterOffset) {
            kept.add(new LocalCommit(group, topic, queueId, result.offset(), result.localCommitMs()));
        }
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
                topics.forEach((topic, queues) -> topicCopy.put(topic, offsetsOf(group, topic)));
                copy.put(group, topicCopy);
            });
            file.write(copy);
        } catch (RuntimeException e) {
            dirty.set(true);
            throw e;
        }
    }

    private Committed entry(String group, String topic, int queueId) {
        Map<String, ConcurrentMap<Integer, Committed>> topics = committed.get(group);
        Map<Integer, Committed> queues = topics == null ? null : topics.get(topic);
        return queues == null ? null : queues.get(queueId);
    }

    private void changed() {
        lastChangeMs = clock.millis();
        changes.incrementAndGet();
        dirty.set(true);
    }

    private static void requireNotNegative(String group, String topic, int queueId, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException(
                    "offset of " + group + " on " + topic + "/" + queueId + " must not be negative, was " + offset);
        }
    }

    private ConcurrentMap<Integer, Committed> queuesOf(String group, String topic) {
        return committed
                .computeIfAbsent(group, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(topic, ignored -> new ConcurrentHashMap<>());
    }

    private void load() {
        file.read(FILE_TYPE).ifPresent(stored -> {
            stored.forEach((group, topics) -> topics.forEach((topic, queues) -> queues.forEach(
                    (queueId, offset) -> queuesOf(group, topic).put(queueId, new Committed(offset, 0)))));
            log.info("loaded consumer offsets of {} groups from {}", stored.size(), file.path());
        });
    }
}
