package io.couriermq.spring.autoconfigure.observability;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lag value computed at most once per refresh interval. Computing it asks every broker of the container's
 * queues, and a metrics registry may read gauges far more often (each scrape, each publish, each
 * {@code /actuator/metrics} call), so reads in between get the last value.
 */
final class CachedLag {
    private static final Logger log = LoggerFactory.getLogger(CachedLag.class);

    private final String name;
    private final Supplier<Long> compute;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private double value = Double.NaN;
    private long computedAt;
    private boolean computed;

    /**
     * @param compute the current total lag, or null when unknown (the container is stopped)
     */
    CachedLag(String name, Supplier<Long> compute, long refreshNanos, LongSupplier nanoClock) {
        this.name = name;
        this.compute = compute;
        this.refreshNanos = refreshNanos;
        this.nanoClock = nanoClock;
    }

    /** The total lag, NaN while unknown; a failed computation keeps the last value until the next interval. */
    synchronized double value() {
        long now = nanoClock.getAsLong();
        if (!computed || now - computedAt >= refreshNanos) {
            computed = true;
            computedAt = now;
            try {
                Long lag = compute.get();
                value = lag == null ? Double.NaN : lag;
            } catch (RuntimeException e) {
                log.debug("lag of listener container {} unavailable: {}", name, e.toString());
            }
        }
        return value;
    }
}
