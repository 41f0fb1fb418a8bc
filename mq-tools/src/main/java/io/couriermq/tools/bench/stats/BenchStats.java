package io.couriermq.tools.bench.stats;

import io.couriermq.tools.bench.transport.Outcome;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run has done so far: messages that succeeded, messages that failed by the reason they
 * failed, and the latency of the requests that succeeded. Safe for any number of threads.
 */
public final class BenchStats {
    private final LongAdder messages = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();

    /** One request that carried {@code count} messages and took {@code latencyNanos}. */
    public void record(Outcome outcome, int count, long latencyNanos) {
        if (outcome.succeeded()) {
            messages.add(count);
            latency.recordNanos(latencyNanos);
        } else {
            error(outcome, count);
        }
    }

    /** Messages that arrived without a latency of their own (e.g. drained by a pull). */
    public void delivered(int count) {
        messages.add(count);
    }

    public void recordLatency(long latencyNanos) {
        latency.recordNanos(latencyNanos);
    }

    public void error(Outcome outcome, int count) {
        errors.computeIfAbsent(outcome.name(), name -> new LongAdder()).add(count);
    }

    public long messages() {
        return messages.sum();
    }

    public long errors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failed messages by reason, sorted by reason. */
    public Map<String, Long> errorsByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        errors.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return byReason;
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
