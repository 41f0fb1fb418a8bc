package io.couriermq.spring.core;

/**
 * A bean that consumes messages of the topic its {@link io.couriermq.spring.annotation.MQMessageListener}
 * names, converted to {@code T} ({@code byte[]}, {@code String}, the client's {@code ReceivedMessage}, a
 * Spring {@code Message<?>}, or any type the JSON mapper reads). Returning normally acknowledges the
 * message; throwing sends it back for a later retry (or to the dead-letter queue, see {@link
 * MQNonRetryableException}).
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface MQListener<T> {
    void onMessage(T message);
}
