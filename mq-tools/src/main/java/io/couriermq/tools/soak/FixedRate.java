package io.couriermq.tools.soak;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands out send slots at a fixed rate to any number of threads: slot {@code i} is due at
 * {@code start + i / rate}. A thread that falls behind sends at once, so the rate holds on average as
 * long as the node keeps up.
 */
final class FixedRate {
    private final long startNanos;
    private final long endNanos;
    private final double nanosPerSlot;
    private final AtomicLong slots = new AtomicLong();
    private volatile boolean stopped;

    FixedRate(long startNanos, long durationNanos, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + perSecond);
        }
        this.startNanos = startNanos;
        this.endNanos = startNanos + durationNanos;
        this.nanosPerSlot = 1e9 / perSecond;
    }

    /** Waits for the next slot; false once the run's time is up or it was stopped. */
    boolean awaitSlot() {
        long due = startNanos + (long) (slots.getAndIncrement() * nanosPerSlot);
        if (due - endNanos >= 0) {
            return false;
        }
        for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return !stopped;
    }

    void stop() {
        stopped = true;
    }
}
