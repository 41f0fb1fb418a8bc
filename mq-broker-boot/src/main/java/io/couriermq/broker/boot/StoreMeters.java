package io.couriermq.broker.boot;

import io.couriermq.store.StoreStats;
import io.couriermq.store.queue.ConsumeQueue;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The storage engine's meters: flush latency, how far dispatch and flushing trail the commit log, the
 * commit log's and the consume queues' sizes, and the disk's used ratio. One store snapshot serves a
 * whole scrape (it is kept for a second): taking one walks every consume queue.
 */
final class StoreMeters implements MeterBinder {
    private static final long SNAPSHOT_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BrokerLifecycle lifecycle;
    private StoreStats snapshot;
    private long snapshotAtNanos;

    StoreMeters(BrokerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionTimer.builder(
                        "courier.store.flush",
                        this,
                        meters -> (long) meters.figure(StoreStats::forceCount),
                        meters -> meters.figure(StoreStats::forceNanosTotal),
                        TimeUnit.NANOSECONDS)
                .description("forces (fsyncs) of the commit log and the time they took")
                .register(registry);
        gauge(
                registry,
                "courier.store.dispatch.lag",
                "bytes",
                "commit-log bytes not yet in consume queues",
                s -> s.commitLogMaxOffset() - s.dispatchedOffset());
        gauge(
                registry,
                "courier.store.flush.lag",
                "bytes",
                "commit-log bytes appended but not yet forced",
                s -> s.commitLogMaxOffset() - s.flushedOffset());
        gauge(
                registry,
                "courier.store.commitlog.size",
                "bytes",
                "commit-log bytes still stored",
                s -> s.commitLogMaxOffset() - s.commitLogMinOffset());
        gauge(
                registry,
                "courier.store.consumequeue.size",
                "bytes",
                "bytes of the entries every consume queue still holds",
                s -> (double) s.consumeQueueEntries() * ConsumeQueue.ENTRY_BYTES);
        gauge(
                registry,
                "courier.store.consumequeue.mapped.files",
                "files",
                "consume-queue segments mapped now (maxMappedConsumeQueueFiles bounds them)",
                s -> s.mappedConsumeQueueFiles());
        gauge(
                registry,
                "courier.store.consumequeue.parks",
                null,
                "times a consume queue was unmapped to stay within maxMappedConsumeQueueFiles",
                s -> s.consumeQueueParks());
        gauge(
                registry,
                "courier.store.disk.used.ratio",
                null,
                "used fraction of the store's disk",
                s -> s.diskUsedRatio());
    }

    private void gauge(
            MeterRegistry registry, String name, String unit, String description, ToDoubleFunction<StoreStats> f) {
        Gauge.builder(name, this, meters -> meters.figure(f))
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    private synchronized double figure(ToDoubleFunction<StoreStats> figure) {
        if (!lifecycle.isRunning()) {
            return Double.NaN;
        }
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAtNanos > SNAPSHOT_TTL_NANOS) {
            snapshot = lifecycle.broker().store().stats();
            snapshotAtNanos = now;
        }
        return figure.applyAsDouble(snapshot);
    }
}
