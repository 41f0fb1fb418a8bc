package io.couriermq.store.flush;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.store.PutStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * SYNC_FLUSH with group commit: appenders register the offset they need forced and get a future back;
 * this one thread forces everything written so far and completes every waiter it covered. While one force
 * runs, new waiters pile up and the next force serves them all, so under load one fsync acknowledges
 * many appends (the BookKeeper force-write-thread pattern).
 *
 * <p>Timeouts are armed on the future itself ({@code completeOnTimeout}), not checked by this thread,
 * because the case they exist for is this thread being stuck inside a force on a sick disk.
 */
public final class GroupCommitService extends BackgroundService implements FlushService {
    private static final long IDLE_INTERVAL_MS = 10;

    private final LongSupplier flusher;
    private final long timeoutMs;
    private final Clock clock;
    private final Queue<Waiter> incoming = new ConcurrentLinkedQueue<>();
    private final List<Waiter> waiting = new ArrayList<>();
    private final AtomicLong forceCount = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile long flushedOffset;

    /**
     * @param flusher forces all written bytes and returns the flushed offset (the commit log's flush)
     * @param timeoutMs {@code syncFlushTimeout}
     * @param clock times the forces, for the flush-latency figure
     */
    public GroupCommitService(LongSupplier flusher, long timeoutMs, Clock clock) {
        super("group-commit", IDLE_INTERVAL_MS);
        this.flusher = flusher;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public CompletableFuture<PutStatus> awaitDurable(long endOffset) {
        if (endOffset <= flushedOffset) {
            return CompletableFuture.completedFuture(PutStatus.PUT_OK);
        }
        CompletableFuture<PutStatus> future = new CompletableFuture<PutStatus>()
                .completeOnTimeout(PutStatus.FLUSH_DISK_TIMEOUT, timeoutMs, TimeUnit.MILLISECONDS);
        incoming.add(new Waiter(endOffset, future));
        wakeUp();
        return future;
    }

    @Override
    protected void runOnce() {
        drainIncoming();
        if (waiting.isEmpty()) {
            return;
        }
        long before = flushedOffset;
        long started = clock.nanos();
        flushedOffset = flusher.getAsLong();
        if (flushedOffset > before) {
            forceNanos.addAndGet(clock.nanos() - started);
            forceCount.incrementAndGet();
        }
        completeCovered();
    }

    @Override
    protected void onStop() {
        drainIncoming();
        flushedOffset = flusher.getAsLong();
        completeCovered();
        waiting.forEach(w -> w.future().complete(PutStatus.FLUSH_DISK_TIMEOUT));
        waiting.clear();
    }

    @Override
    public FlushStats stats() {
        return new FlushStats(forceCount.get(), acknowledged.get(), forceNanos.get());
    }

    private void drainIncoming() {
        Waiter waiter;
        while ((waiter = incoming.poll()) != null) {
            waiting.add(waiter);
        }
    }

    /** Completes the waiters this force covered; drops the ones that already timed out. */
    private void completeCovered() {
        long flushed = flushedOffset;
        waiting.removeIf(waiter -> {
            if (waiter.endOffset() <= flushed) {
                // Count before completing: whoever the future wakes must already see this append counted.
                acknowledged.incrementAndGet();
                if (!waiter.future().complete(PutStatus.PUT_OK)) {
                    acknowledged.decrementAndGet();
                }
                return true;
            }
            return waiter.future().isDone();
        });
    }

    private record Waiter(long endOffset, CompletableFuture<PutStatus> future) {}
}
