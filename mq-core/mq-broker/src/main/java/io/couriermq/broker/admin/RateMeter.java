package io.couriermq.broker.admin;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second of an ever-growing counter, from samples of it: the rate over the span between the
 * newest sample and the oldest one kept (at most {@code windowMs} old). Sample it periodically for a
 * steady figure; sampling only when the rate is asked for gives the rate since the previous question.
 * Thread-safe.
 */
public final class RateMeter {
    private record Sample(long timeMs, long count) {}

    private final long windowMs;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateMeter(long windowMs) {
        if (windowMs <= 0) {
            throw new IllegalArgumentException("windowMs must be positive, was " + windowMs);
        }
        this.windowMs = windowMs;
    }

    /** Records the counter's value at a time; samples out of time order are ignored. */
    public synchronized void sample(long timeMs, long count) {
        Sample newest = samples.peekLast();
        if (newest != null && timeMs < newest.timeMs()) {
            return;
        }
        samples.addLast(new Sample(timeMs, count));
        while (samples.size() > 2 && samples.peekFirst().timeMs() < timeMs - windowMs) {
            samples.removeFirst();
        }
    }

    /** Events per second over the kept span; 0 until two samples at different times exist. */
    public synchronized double perSecond() {
        Sample oldest = samples.peekFirst();
        Sample newest = samples.peekLast();
        if (oldest == null || newest.timeMs() == oldest.timeMs()) {
            return 0.0;
        }
        return (newest.count() - oldest.count()) * 1000.0 / (newest.timeMs() - oldest.timeMs());
    }
}
