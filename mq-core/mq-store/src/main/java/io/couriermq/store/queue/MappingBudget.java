package io.couriermq.store.queue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How many consume-queue segments are mapped, and the ceiling on them. Linux allows a process 65,530
 * mappings by default and the JVM dies when it runs out (it maps memory for itself too), so a store with
 * tens of thousands of queues cannot keep every queue mapped. Over the ceiling, the queues used least
 * recently are parked ({@link ConsumeQueue#park()}) until a tenth of the ceiling is free again; a parked
 * queue is mapped again when it is next read, or written soon after its last use (a write to a queue idle
 * longer goes through its file).
 */
final class MappingBudget {
    private final int maxMappedSegments;
    private final long mapForWritesWithinNanos;
    private final Supplier<Collection<ConsumeQueue>> queues;
    private final AtomicInteger mapped = new AtomicInteger();
    private final AtomicLong parked = new AtomicLong();
    private final ReentrantLock enforcing = new ReentrantLock();

    /**
     * A write maps a parked queue again only if the queue was used this recently; otherwise the entry goes
     * through the file and the queue stays parked. With sends spread evenly over more queues than the ceiling,
     * mapping for each entry cost a map, a page fault, an unmap and the parking of another queue, for one
     * 20-byte entry; a queue written this often is worth mapping again.
     */
    static final long MAP_FOR_WRITES_WITHIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    MappingBudget(int maxMappedSegments, Supplier<Collection<ConsumeQueue>> queues) {
        this(maxMappedSegments, queues, MAP_FOR_WRITES_WITHIN_NANOS);
    }

    /** @param mapForWritesWithinNanos see {@link #MAP_FOR_WRITES_WITHIN_NANOS}; 0 never maps for a write */
    MappingBudget(int maxMappedSegments, Supplier<Collection<ConsumeQueue>> queues, long mapForWritesWithinNanos) {
        if (maxMappedSegments < 1) {
            throw new IllegalArgumentException("the ceiling on mapped consume-queue files must be at least 1");
        }
        this.maxMappedSegments = maxMappedSegments;
        this.mapForWritesWithinNanos = mapForWritesWithinNanos;
        this.queues = queues;
    }

    /** Whether a write to a parked queue last used {@code sinceLastUseNanos} ago maps it again. */
    boolean mapsForWrite(long sinceLastUseNanos) {
        return sinceLastUseNanos < mapForWritesWithinNanos;
    }

    /** Records segments mapped (positive) or unmapped (negative). */
    void mapped(int delta) {
        if (delta != 0) {
            mapped.addAndGet(delta);
        }
    }

    int mappedSegments() {
        return mapped.get();
    }

    /** How many times a queue was parked. */
    long parkedCount() {
        return parked.get();
    }

    /**
     * Parks the least recently used queues while the mapped segments are over the ceiling. Never called
     * with a queue's lock held (parking takes it). One thread parks at a time; a thread that mapped more
     * meanwhile waits for it and looks again, so none returns over the ceiling unseen.
     */
    void enforce() {
        if (mapped.get() <= maxMappedSegments) {
            return;
        }
        enforcing.lock();
        try {
            if (mapped.get() > maxMappedSegments) {
                parkLeastRecentlyUsed();
            }
        } finally {
            enforcing.unlock();
        }
    }

    private void parkLeastRecentlyUsed() {
        int target = maxMappedSegments - maxMappedSegments / 10;
        // last-use times change while we sort, so sort a copy of them
        List<Candidate> candidates = new ArrayList<>();
        for (ConsumeQueue queue : queues.get()) {
            if (queue.mappedSegments() > 0) {
                candidates.add(new Candidate(queue, queue.lastUsedNanos()));
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::lastUsedNanos));
        for (Candidate candidate : candidates) {
            if (mapped.get() <= target) {
                break;
            }
            if (candidate.queue().park()) {
                parked.incrementAndGet();
            }
        }
    }

    private record Candidate(ConsumeQueue queue, long lastUsedNanos) {}
}
