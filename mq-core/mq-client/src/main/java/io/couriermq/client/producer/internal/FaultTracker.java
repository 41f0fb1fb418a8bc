package io.couriermq.client.producer.internal;

import io.couriermq.common.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency-based fault avoidance: a broker that failed, or answered slowly, is avoided for a while that
 * grows with how bad it was. Queue choice skips avoided brokers while others are available.
 */
public final class FaultTracker {
    /** Latency thresholds (ms) and how long a broker above each is avoided (ms). */
    private static final long[] LATENCY_MS = {550, 1_000, 2_000, 3_000, 15_000};

    private static final long[] AVOID_MS = {5_000, 10_000, 30_000, 60_000, 120_000};
    private static final long AVOID_AFTER_FAILURE_MS = 30_000;

    private final Clock clock;
    private final Map<String, Long> avoidedUntilMs = new ConcurrentHashMap<>();

    public FaultTracker(Clock clock) {
        this.clock = clock;
    }

    /** Records a successful answer after {@code latencyMs}; slow answers make the broker avoided briefly. */
    public void onAnswered(String brokerName, long latencyMs) {
        long avoid = 0;
        for (int i = LATENCY_MS.length - 1; i >= 0; i--) {
            if (latencyMs >= LATENCY_MS[i]) {
                avoid = AVOID_MS[i];
                break;
            }
        }
        if (avoid == 0) {
            avoidedUntilMs.remove(brokerName);
        } else {
            avoidedUntilMs.put(brokerName, clock.millis() + avoid);
        }
    }

    /** Records a failed attempt (no answer, or a refusal that another broker may not repeat). */
    public void onFailed(String brokerName) {
        avoidedUntilMs.put(brokerName, clock.millis() + AVOID_AFTER_FAILURE_MS);
    }

    public boolean isAvoided(String brokerName) {
        Long until = avoidedUntilMs.get(brokerName);
        if (until == null) {
            return false;
        }
        if (until <= clock.millis()) {
            avoidedUntilMs.remove(brokerName, until);
            return false;
        }
        return true;
    }
}
