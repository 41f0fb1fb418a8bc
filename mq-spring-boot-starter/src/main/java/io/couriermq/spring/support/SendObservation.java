package io.couriermq.spring.support;

import io.couriermq.client.message.OutgoingMessage;

/**
 * Wraps each template send for tracing: {@link #start} may add trace context to the message's properties
 * and returns the message to send with a handle that is told how the send ended.
 */
public interface SendObservation {
    SendObservation NONE = message -> new Started(message, failure -> {});

    Started start(OutgoingMessage message);

    /** The message to send and what to call when the send completes (failure null on success). */
    record Started(OutgoingMessage message, java.util.function.Consumer<Throwable> onEnd) {}
}
