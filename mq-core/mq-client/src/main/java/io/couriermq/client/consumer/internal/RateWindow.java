package io.couriermq.client.consumer.internal;

import java.util.Arrays;

/**
 * Counts and sums of events over a sliding window of fixed buckets (e.g. 6 x 10 s): what the running-info
 * rates are computed from. Events older than the window drop out as their bucket is reused.
 *
 * <p>Thread-safe.
 */
final class RateWindow {
    private final long bucketMs;
    private final long[] bucketIndex;
    private final long[] counts;
    private final long[] sums;

    RateWindow(long bucketMs, int buckets) {
        this.bucketMs = bucketMs;
        this.bucketIndex = new long[buckets];
        this.counts = new long[buckets];
        this.sums = new long[buckets];
        Arrays.fill(bucketIndex, -1);
    }

    long windowMs() {
        return bucketMs * bucketIndex.length;
    }

    /** Adds {@code count} events whose measured values sum to {@code sum}, at {@code nowMs}. */
    synchronized void add(long nowMs, long count, long sum) {
        long index = nowMs / bucketMs;
        int slot = (int) (index % bucketIndex.length);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            counts[slot] = 0;
            sums[slot] = 0;
        }
        counts[slot] += count;
        sums[slot] += sum;
    }

    /** Events within the window ending at {@code nowMs}. */
    synchronized long count(long nowMs) {
        long total = 0;
        for (int slot = 0; slot < bucketIndex.length; slot++) {
            if (live(slot, nowMs)) {
                total += counts[slot];
            }
        }
        return total;
    }

    /** Sum of the values within the window ending at {@code nowMs}. */
    synchronized long sum(long nowMs) {
        long total = 0;
        for (int slot = 0; slot < bucketIndex.length; slot++) {
            if (live(slot, nowMs)) {
                total += sums[slot];
            }
        }
        return total;
    }

    private boolean live(int slot, long nowMs) {
        long current = nowMs / bucketMs;
        return bucketIndex[slot] >= 0 && current - bucketIndex[slot] < bucketIndex.length;
    }
}
