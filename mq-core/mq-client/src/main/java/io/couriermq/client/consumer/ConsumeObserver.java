package io.couriermq.client.consumer;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;

/**
 * Hook for metrics and tracing (the client has no metrics library of its own). Called on consumer
 * threads: implementations must be fast and thread-safe, and must not throw (a throw is logged and
 * ignored).
 */
public interface ConsumeObserver {
    /** Observes nothing. */
    ConsumeObserver NONE = new ConsumeObserver() {};

    /**
     * A listener call finished.
     *
     * @param result {@code SUCCESS}, {@code RECONSUME_LATER}, {@code SUSPEND_CURRENT_QUEUE_A_MOMENT} or
     *     {@code EXCEPTION} (the listener threw) or {@code NULL} (it returned null; treated as a failure)
     */
    default void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {}

    /**
     * A pull finished.
     *
     * @param status {@code FOUND}, {@code NO_NEW_MSG}, {@code NO_MATCHED_MSG}, {@code OFFSET_ILLEGAL} or
     *     {@code ERROR}
     * @param messages how many messages it delivered to the consumer (after client-side tag filtering)
     */
    default void onPull(String group, MessageQueue queue, String status, int messages, long durationNanos) {}
}
