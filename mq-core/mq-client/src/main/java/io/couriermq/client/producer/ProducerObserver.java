package io.couriermq.client.producer;

import io.couriermq.client.message.OutgoingMessage;

/**
 * Hooks for metrics and tracing around each send attempt (no metrics library here: adapt this to one).
 * Called on I/O or caller threads: keep it fast and never throw.
 */
public interface ProducerObserver {

    /** An attempt to {@code brokerName} answered with {@code result} after {@code latencyNanos}. */
    default void onSendSucceeded(OutgoingMessage message, String brokerName, SendResult result, long latencyNanos) {}

    /** An attempt to {@code brokerName} failed; {@code willRetry} says whether another attempt follows. */
    default void onSendFailed(
            OutgoingMessage message, String brokerName, Throwable failure, long latencyNanos, boolean willRetry) {}

    ProducerObserver NONE = new ProducerObserver() {};
}
