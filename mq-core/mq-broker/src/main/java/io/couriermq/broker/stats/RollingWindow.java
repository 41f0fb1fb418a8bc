package io.couriermq.broker.stats;

import io.couriermq.remoting.protocol.body.BrokerStatsItem;
import java.util.Arrays;

/**
 * One statistic over a sliding window kept in fixed time buckets (RocketMQ samples at the same steps:
 * 10 s for the minute, 10 min for the hour, 1 h for the day). The figures cover every bucket the window
 * reaches into, the one holding the window's start included, so they span between one window and one
 * window plus a bucket; the rate divides by exactly that span. A bucket slot is reused when its time
 * comes round again, so memory is fixed. Not thread-safe: {@link StatsItem} guards it.
 */
final class RollingWindow {
    private static final long MIN_SPAN_MS = 1_000;

    private final long bucketMs;
    private final long windowMs;
    private final long[] bucketOfSlot;
    private final long[] values;
    private final long[] events;

    RollingWindow(long bucketMs, long windowMs) {
        this.bucketMs = bucketMs;
        this.windowMs = windowMs;
        int slots = (int) (windowMs / bucketMs) + 1;
        this.bucketOfSlot = new long[slots];
        this.values = new long[slots];
        this.events = new long[slots];
        Arrays.fill(bucketOfSlot, -1);
    }

    void add(long nowMs, long value, long eventCount) {
        long bucket = nowMs / bucketMs;
        int slot = (int) (bucket % bucketOfSlot.length);
        if (bucketOfSlot[slot] != bucket) {
            bucketOfSlot[slot] = bucket;
            values[slot] = 0;
            events[slot] = 0;
        }
        values[slot] += value;
        events[slot] += eventCount;
    }

    /**
     * The sum over the buckets in the window, the sum per second, and the value per event (0 without
     * events). The rate's span starts at the oldest bucket's start or at {@code countingSinceMs} if later
     * (a key first seen 5 s ago has a 5 s rate, not a 60 s one), and is at least a second, so a burst
     * just recorded does not read as an enormous rate.
     */
    BrokerStatsItem figures(long nowMs, long countingSinceMs) {
        long current = nowMs / bucketMs;
        long oldest = Math.max(0, nowMs - windowMs) / bucketMs;
        long sum = 0;
        long eventSum = 0;
        for (int slot = 0; slot < bucketOfSlot.length; slot++) {
            if (bucketOfSlot[slot] >= oldest && bucketOfSlot[slot] <= current) {
                sum += values[slot];
                eventSum += events[slot];
            }
        }
        long spanMs = Math.max(MIN_SPAN_MS, nowMs - Math.max(oldest * bucketMs, countingSinceMs));
        double perSecond = sum * 1000.0 / spanMs;
        double perEvent = eventSum > 0 ? (double) sum / eventSum : 0.0;
        return new BrokerStatsItem(sum, perSecond, perEvent);
    }
}
