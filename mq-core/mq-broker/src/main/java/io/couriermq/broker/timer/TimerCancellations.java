package io.couriermq.broker.timer;

import io.couriermq.common.metadata.AtomicJsonFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * Parked messages an admin cancelled, by commit-log offset, with the time the deliverer would have handled
 * them. Written at once on every cancellation (a cancelled message must never be delivered, restart or
 * not) and pruned once the persisted cursor has passed them. Not thread-safe: the wheel serializes access.
 */
final class TimerCancellations {
    private final AtomicJsonFile file;
    private final TreeMap<Long, Long> effectiveByOffset = new TreeMap<>();

    TimerCancellations(Path file) {
        this.file = new AtomicJsonFile(file);
        this.file.read(new TypeReference<TreeMap<Long, Long>>() {}).ifPresent(effectiveByOffset::putAll);
    }

    boolean contains(long commitLogOffset) {
        return effectiveByOffset.containsKey(commitLogOffset);
    }

    void add(long commitLogOffset, long effectiveMs) {
        effectiveByOffset.put(commitLogOffset, effectiveMs);
        file.write(effectiveByOffset);
    }

    /** Forgets cancellations the persisted cursor has passed: they can no longer come up. */
    void pruneBefore(long persistedCursorMs) {
        boolean changed = effectiveByOffset.values().removeIf(effective -> effective < persistedCursorMs);
        if (changed) {
            file.write(effectiveByOffset);
        }
    }

    Map<Long, Long> snapshot() {
        return Map.copyOf(effectiveByOffset);
    }
}
