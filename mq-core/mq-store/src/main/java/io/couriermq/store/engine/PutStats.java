package io.couriermq.store.engine;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Put counters, contention-free for many sending threads. */
final class PutStats {
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAccumulator maxLatencyNanos = new LongAccumulator(Math::max, 0);

    void record(int messageCount, long recordBytes, long latencyNanos) {
        messages.add(messageCount);
        bytes.add(recordBytes);
        maxLatencyNanos.accumulate(latencyNanos);
    }

    long messages() {
        return messages.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    long maxLatencyMicros() {
        return maxLatencyNanos.get() / 1_000;
    }
}
