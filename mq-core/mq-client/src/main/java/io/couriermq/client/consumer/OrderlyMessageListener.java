package io.couriermq.client.consumer;

import io.couriermq.client.message.ReceivedMessage;

/**
 * Consumes the messages of each queue one at a time in queue-offset order, while this client holds the
 * broker's lock on that queue. Different queues are consumed in parallel. An exception or a null result
 * counts as {@link OrderlyResult#SUSPEND_CURRENT_QUEUE_A_MOMENT}.
 */
@FunctionalInterface
public interface OrderlyMessageListener {
    OrderlyResult consume(ReceivedMessage message, OrderlyContext context);
}
