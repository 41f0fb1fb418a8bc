package io.couriermq.tools.bench.stats;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds with three significant digits (HdrHistogram). Recording is wait-free
 * from any number of threads; {@link #snapshot} folds what was recorded since the last call into the
 * running total. Values above one minute are counted as one minute.
 */
public final class LatencyHistogram {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private Histogram interval;

    public void recordNanos(long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        recorder.recordValue(micros);
    }

    /** Everything recorded so far. */
    public synchronized Percentiles snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new Percentiles(
                total.getTotalCount(),
                millis(total.getValueAtPercentile(50)),
                millis(total.getValueAtPercentile(99)),
                millis(total.getValueAtPercentile(99.9)),
                millis(total.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Latency percentiles in milliseconds; all zero when nothing was recorded. */
    public record Percentiles(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {}
}
