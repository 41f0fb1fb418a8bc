package io.couriermq.store.flush;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.store.PutStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * ASYNC_FLUSH: appends are acknowledged at once and this thread forces the commit log every
 * {@code flushIntervalCommitLog} ms. A crash may lose the last interval of acknowledged appends; that is
 * the trade this policy makes.
 */
public final class IntervalFlushService extends BackgroundService implements FlushService {
    private final LongSupplier flusher;
    private final AtomicLong forceCount = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final Clock clock;
    private volatile long lastFlushedOffset = -1;

    /** @param clock times the forces, for the flush-latency figure */
    public IntervalFlushService(LongSupplier flusher, long intervalMs, Clock clock) {
        super("interval-flush", intervalMs);
        this.flusher = flusher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<PutStatus> awaitDurable(long endOffset) {
        acknowledged.incrementAndGet();
        return CompletableFuture.completedFuture(PutStatus.PUT_OK); // a fresh one: callers may complete theirs
    }

    @Override
    protected void runOnce() {
        long started = clock.nanos();
        long flushed = flusher.getAsLong();
        if (flushed != lastFlushedOffset) {
            forceNanos.addAndGet(clock.nanos() - started);
            forceCount.incrementAndGet();
            lastFlushedOffset = flushed;
        }
    }

    @Override
    protected void onStop() {
        runOnce();
    }

    @Override
    public FlushStats stats() {
        return new FlushStats(forceCount.get(), acknowledged.get(), forceNanos.get());
    }
}
