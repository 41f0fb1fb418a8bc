package io.couriermq.broker.schedule;

import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.DelayOffsetSerializeWrapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far delivery has got in each level's queue of the schedule topic (the offset of the next message
 * to deliver), and the parked messages an admin cancelled, persisted together in {@code delayOffset.json}.
 *
 * <p>An offset only moves past a message once its delivered copy is stored, and is persisted after
 * that: a crash between the two re-delivers the last few messages, it never skips one. A cancellation
 * is written at once, since it is the answer to an admin request. Thread-safe; callers that must see
 * "not cancelled" and "delivered" as one step synchronize on this object.
 */
public final class DelayProgress {
    private static final Logger log = LoggerFactory.getLogger(DelayProgress.class);

    /** The file's content: level -> next offset, and the commit-log offsets of cancelled parked messages. */
    public record State(Map<Integer, Long> offsets, Set<Long> cancelled) {
        public State {
            offsets = offsets == null ? Map.of() : Map.copyOf(offsets);
            cancelled = cancelled == null ? Set.of() : Set.copyOf(cancelled);
        }
    }

    private final AtomicJsonFile file;
    private final Clock clock;
    private final Map<Integer, Long> offsets = new TreeMap<>();
    private final Set<Long> cancelled = new TreeSet<>();
    private boolean dirty;
    /** Counts changes since start, for the replication answer's data version. */
    private DataVersion dataVersion;

    /** With the system clock, which only stamps the data version. */
    public DelayProgress(Path configDir) {
        this(configDir, Clock.system());
    }

    public DelayProgress(Path configDir, Clock clock) {
        this.file = new AtomicJsonFile(configDir.resolve("delayOffset.json"));
        this.clock = clock;
        this.dataVersion = new DataVersion(clock.millis(), 0, 0);
        file.read(State.class).ifPresent(state -> {
            offsets.putAll(state.offsets());
            cancelled.addAll(state.cancelled());
            log.info("loaded delay progress {} ({} cancelled) from {}", offsets, cancelled.size(), file.path());
        });
    }

    /** The offset of the next message of {@code level} to deliver. */
    public synchronized long offset(int level) {
        return offsets.getOrDefault(level, 0L);
    }

    /** Moves a level forward (never back) once the messages before {@code nextOffset} are delivered. */
    public synchronized void advance(int level, long nextOffset) {
        if (nextOffset > offset(level)) {
            offsets.put(level, nextOffset);
            changed();
        }
    }

    public synchronized boolean isCancelled(long commitLogOffset) {
        return cancelled.contains(commitLogOffset);
    }

    /** Records a cancellation durably before returning. */
    public synchronized void cancel(long commitLogOffset) {
        cancelled.add(commitLogOffset);
        changed();
        write();
    }

    /** Drops a cancellation once delivery has passed the message: the set stays small. */
    public synchronized void forget(long commitLogOffset) {
        if (cancelled.remove(commitLogOffset)) {
            changed();
        }
    }

    /** Progress and cancellations in RocketMQ's GET_ALL_DELAY_OFFSET shape, for slaves. */
    public synchronized DelayOffsetSerializeWrapper snapshot() {
        return new DelayOffsetSerializeWrapper(offsets, dataVersion, cancelled);
    }

    /**
     * A slave takes its master's progress and cancellations as they are, written at once. Only for a
     * broker whose own delay delivery is not running (a slave): it would otherwise race with it.
     */
    public synchronized void replaceAll(DelayOffsetSerializeWrapper master) {
        offsets.clear();
        master.offsetTable().forEach((level, offset) -> {
            if (level != null && offset != null && offset >= 0) {
                offsets.put(level, offset);
            }
        });
        cancelled.clear();
        cancelled.addAll(master.cancelled());
        changed();
        write();
    }

    public synchronized void persistIfDirty() {
        if (dirty) {
            write();
        }
    }

    private void changed() {
        dataVersion = new DataVersion(clock.millis(), dataVersion.counter() + 1, dataVersion.stateVersion());
        dirty = true;
    }

    private void write() {
        file.write(new State(offsets, cancelled));
        dirty = false;
    }
}
