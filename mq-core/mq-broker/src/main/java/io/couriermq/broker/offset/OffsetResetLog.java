package io.couriermq.broker.offset;

import io.couriermq.common.metadata.AtomicJsonFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * When an admin last reset (or deleted) a group's offsets on a topic, by this broker's clock, persisted
 * in {@code consumerOffsetResets.json}. A slave's hand-back of an offset committed before that time is
 * refused, so a reset is not undone by a commit the slave took while the master was away. Resets are
 * rare admin actions: each is written at once.
 */
final class OffsetResetLog {
    private static final TypeReference<Map<String, Long>> FILE_TYPE = new TypeReference<>() {};

    private final AtomicJsonFile file;
    /** "topic@group" -> reset time (ms). */
    private final Map<String, Long> resets = new TreeMap<>();

    OffsetResetLog(Path configDir) {
        this.file = new AtomicJsonFile(configDir.resolve("consumerOffsetResets.json"));
        file.read(FILE_TYPE).ifPresent(resets::putAll);
    }

    synchronized void record(String group, String topic, long nowMs) {
        resets.merge(key(group, topic), nowMs, Math::max);
        file.write(resets);
    }

    /** The last reset of the group's offsets on the topic, or -1 when there was none. */
    synchronized long lastResetMs(String group, String topic) {
        return resets.getOrDefault(key(group, topic), -1L);
    }

    private static String key(String group, String topic) {
        return topic + "@" + group;
    }
}
