package io.couriermq.broker.timer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The timing index: time-bucketed files on disk ({@link TimerIndexFiles}) plus, in memory, the entries of
 * the current window and (read ahead a chunk at a time) of the next one, earliest first. A delivery
 * cursor says up to when everything has been delivered; an entry indexed after its due time is filed at
 * the cursor instead, so it is never behind it. Entries are loaded once per window and deduplicated by commit-log offset (after a crash the parked
 * messages after the persisted enqueue offset are indexed a second time).
 *
 * <p>Thread-safe: the deliverer and admin requests (list, cancel) share one lock; nothing under it waits
 * for the store.
 */
final class TimerWheel implements AutoCloseable {
    static final long WINDOW_MS = 10_000;

    private final TimerIndexFiles files;
    private final TimerCancellations cancellations;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<TimerEntry> loaded = new PriorityQueue<>(TimerEntry.DELIVERY_ORDER);
    private final Map<Long, TimerEntry> loadedByOffset = new HashMap<>();
    private long cursorMs;
    private long enqueueOffset;
    private long loadedUntilMs;
    private int partialEntries;

    TimerWheel(TimerIndexFiles files, TimerCancellations cancellations, TimerCheckpoint from) {
        this.files = files;
        this.cancellations = cancellations;
        this.cursorMs = from.cursorMs();
        this.enqueueOffset = from.enqueueOffset();
        this.loadedUntilMs = windowStart(cursorMs);
    }

    static long windowStart(long timeMs) {
        return Math.floorDiv(timeMs, WINDOW_MS) * WINDOW_MS;
    }

    /** Indexes newly parked messages and records how far the timer topic has been read. */
    void add(List<Parked> parked, long nextEnqueueOffset) {
        lock.lock();
        try {
            Map<Long, List<TimerEntry>> byWindow = new TreeMap<>();
            for (Parked message : parked) {
                TimerEntry entry = new TimerEntry(
                        Math.max(message.dueMs(), cursorMs),
                        message.dueMs(),
                        message.commitLogOffset(),
                        message.sizeBytes(),
                        message.topicHash());
                long window = windowStart(entry.effectiveMs());
                byWindow.computeIfAbsent(window, w -> new ArrayList<>()).add(entry);
                if (window < loadedUntilMs) {
                    remember(entry);
                }
            }
            byWindow.forEach(files::append);
            enqueueOffset = nextEnqueueOffset;
        } finally {
            lock.unlock();
        }
    }

    /** Reads into memory, in full, the window holding {@code nowMs} (or the cursor) and any before it. */
    void loadUpTo(long nowMs) {
        lock.lock();
        try {
            loadBefore(windowStart(Math.max(nowMs, cursorMs)) + WINDOW_MS, Integer.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads at most {@code maxEntries} entries of the window after the current one. Read a little each
     * round, the next window is in memory when it begins, and no round stalls on reading all of it then.
     */
    void prefetch(long nowMs, int maxEntries) {
        lock.lock();
        try {
            loadBefore(windowStart(Math.max(nowMs, cursorMs)) + 2 * WINDOW_MS, maxEntries);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the window after the one holding {@code nowMs} is not in memory in full yet. */
    boolean prefetching(long nowMs) {
        lock.lock();
        try {
            return loadedUntilMs < windowStart(Math.max(nowMs, cursorMs)) + 2 * WINDOW_MS;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Loads the windows before {@code untilMs}, reading at most {@code budget} entries. The window at
     * {@code loadedUntilMs} may be left partly read ({@code partialEntries} of it are in memory); entries
     * added to it meanwhile are appended to its file, so reading on finds them.
     */
    private void loadBefore(long untilMs, int budget) {
        while (loadedUntilMs < untilMs && budget > 0) {
            if (partialEntries == 0) {
                OptionalLong next = files.firstWindowFrom(loadedUntilMs);
                if (next.isEmpty() || next.getAsLong() >= untilMs) {
                    loadedUntilMs = untilMs;
                    return;
                }
                loadedUntilMs = next.getAsLong();
            }
            List<TimerEntry> chunk = files.read(loadedUntilMs, partialEntries, budget);
            for (TimerEntry entry : chunk) {
                if (entry.effectiveMs() >= cursorMs) {
                    remember(entry);
                }
            }
            if (chunk.size() < budget) {
                loadedUntilMs += WINDOW_MS;
                partialEntries = 0;
            } else {
                partialEntries += chunk.size();
            }
            budget -= chunk.size();
        }
    }

    /**
     * Takes up to {@code max} entries due at {@code nowMs}, earliest first; cancelled ones are dropped.
     * Taken entries are no longer pending: deliver them, or {@link #putBack} those that failed.
     */
    List<TimerEntry> takeDue(long nowMs, int max) {
        lock.lock();
        try {
            List<TimerEntry> due = new ArrayList<>();
            while (due.size() < max && !loaded.isEmpty() && loaded.peek().effectiveMs() <= nowMs) {
                TimerEntry entry = loaded.poll();
                loadedByOffset.remove(entry.commitLogOffset());
                if (!cancellations.contains(entry.commitLogOffset())) {
                    due.add(entry);
                }
            }
            return due;
        } finally {
            lock.unlock();
        }
    }

    /** Returns taken entries that could not be delivered; they are retried first. */
    void putBack(List<TimerEntry> entries) {
        lock.lock();
        try {
            entries.forEach(this::remember);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the cursor to {@code nowMs + 1}, or to the earliest entry still waiting if that is earlier. */
    void advance(long nowMs) {
        lock.lock();
        try {
            long next = loaded.isEmpty()
                    ? nowMs + 1
                    : Math.min(nowMs + 1, loaded.peek().effectiveMs());
            cursorMs = Math.max(cursorMs, next);
        } finally {
            lock.unlock();
        }
    }

    /** The progress to persist; the index files are forced first, so the enqueue offset never runs ahead. */
    TimerCheckpoint checkpoint() {
        lock.lock();
        try {
            files.force();
            return new TimerCheckpoint(cursorMs, enqueueOffset);
        } finally {
            lock.unlock();
        }
    }

    /** After {@code persisted} is on disk: drops the windows and cancellations it has passed. */
    void persisted(TimerCheckpoint persisted) {
        lock.lock();
        try {
            files.deleteBefore(windowStart(persisted.cursorMs()));
            cancellations.pruneBefore(persisted.cursorMs());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels the parked message at {@code commitLogOffset} if it is still waiting. {@code dueMs} and
     * {@code queueOffset} come from the parked record: a message not read from the timer topic yet, or
     * due in a window not loaded yet, is still waiting although it is not in memory.
     */
    boolean cancel(long commitLogOffset, long dueMs, long queueOffset) {
        lock.lock();
        try {
            if (cancellations.contains(commitLogOffset)) {
                return false;
            }
            TimerEntry inMemory = loadedByOffset.get(commitLogOffset);
            long effectiveMs;
            if (inMemory != null) {
                effectiveMs = inMemory.effectiveMs();
            } else if (dueMs >= loadedUntilMs || (queueOffset >= enqueueOffset && dueMs >= cursorMs)) {
                effectiveMs = dueMs;
            } else {
                return false;
            }
            cancellations.add(commitLogOffset, effectiveMs);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waiting entries whose destination topic has {@code topicHash}, earliest first, at most {@code limit}. */
    List<TimerEntry> pending(int topicHash, int limit) {
        lock.lock();
        try {
            List<TimerEntry> found = new ArrayList<>();
            loaded.stream()
                    .filter(entry -> entry.topicHash() == topicHash)
                    .sorted(TimerEntry.DELIVERY_ORDER)
                    .forEach(found::add);
            for (long window : files.windowsFrom(loadedUntilMs)) {
                if (found.size() >= limit) {
                    break;
                }
                files.read(window).stream()
                        .filter(entry -> entry.topicHash() == topicHash)
                        .sorted(TimerEntry.DELIVERY_ORDER)
                        .forEach(found::add);
            }
            Set<Long> seen = new HashSet<>();
            return found.stream()
                    .filter(entry -> !cancellations.contains(entry.commitLogOffset()))
                    .filter(entry -> seen.add(entry.commitLogOffset()))
                    .limit(limit)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /** The lowest commit-log offset of a parked message the index still names ({@link Long#MAX_VALUE}: none). */
    long lowestParkedOffset() {
        lock.lock();
        try {
            return files.lowestOffset();
        } finally {
            lock.unlock();
        }
    }

    long cursorMs() {
        lock.lock();
        try {
            return cursorMs;
        } finally {
            lock.unlock();
        }
    }

    long enqueueOffset() {
        lock.lock();
        try {
            return enqueueOffset;
        } finally {
            lock.unlock();
        }
    }

    /** Entries in memory, for tests and the admin view. */
    int loadedCount() {
        lock.lock();
        try {
            return loaded.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            files.close();
        } finally {
            lock.unlock();
        }
    }

    private void remember(TimerEntry entry) {
        if (loadedByOffset.putIfAbsent(entry.commitLogOffset(), entry) == null) {
            loaded.add(entry);
        }
    }

    /** A parked message as read from the timer topic, before the wheel decides when it handles it. */
    record Parked(long dueMs, long commitLogOffset, int sizeBytes, int topicHash) {}
}
