package io.couriermq.spring.listener;

import java.time.Duration;

/**
 * In-process retries of a failed listener call before the message goes back to the broker: up to {@code
 * maxAttempts} calls with exponentially growing waits. Non-retryable failures are never retried here.
 */
public record LocalRetry(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {
    public static final LocalRetry NONE = new LocalRetry(1, Duration.ZERO, 1.0, Duration.ZERO);

    /** The wait before call number {@code attempt + 1} (attempt counts from 1). */
    long backoffMs(int attempt) {
        double wait = initialInterval.toMillis() * Math.pow(multiplier, attempt - 1);
        return (long) Math.min(wait, maxInterval.toMillis());
    }
}
