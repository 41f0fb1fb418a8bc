package io.couriermq.broker.client;

import io.couriermq.common.lifecycle.BackgroundService;

/**
 * Drops producers and consumers that sent no heartbeat for longer than the allowed idle time
 * (broker.conf {@code clientChannelMaxIdleTimeSeconds}, 120 s by default; clients heartbeat every
 * 30 s). This catches clients whose connection died without a close the broker saw. The connection
 * itself is left to the server's idle handler: it may still serve other groups of the same client.
 */
public final class ClientChannelExpiryService extends BackgroundService {
    /** How often the scan runs, as on RocketMQ. */
    public static final long DEFAULT_SCAN_INTERVAL_MS = 10_000;

    private final ProducerGroupRegistry producers;
    private final ConsumerGroupRegistry consumers;
    private final long maxIdleMillis;

    public ClientChannelExpiryService(
            ProducerGroupRegistry producers,
            ConsumerGroupRegistry consumers,
            long maxIdleSeconds,
            long scanIntervalMs) {
        super("broker-client-expiry", scanIntervalMs);
        if (maxIdleSeconds <= 0) {
            throw new IllegalArgumentException(
                    "clientChannelMaxIdleTimeSeconds must be positive, was " + maxIdleSeconds);
        }
        this.producers = producers;
        this.consumers = consumers;
        this.maxIdleMillis = maxIdleSeconds * 1000;
    }

    @Override
    protected void runOnce() {
        producers.expireSilent(maxIdleMillis);
        consumers.expireSilent(maxIdleMillis);
    }
}
