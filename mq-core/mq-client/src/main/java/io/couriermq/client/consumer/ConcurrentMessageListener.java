package io.couriermq.client.consumer;

import io.couriermq.client.message.ReceivedMessage;

/**
 * Consumes messages on the consumer's pool, several at a time and in no particular order. An exception
 * or a null result counts as {@link ConsumeResult#RECONSUME_LATER}.
 */
@FunctionalInterface
public interface ConcurrentMessageListener {
    ConsumeResult consume(ReceivedMessage message, ConsumeContext context);
}
