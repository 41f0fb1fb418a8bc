package io.couriermq.client.producer;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;

/**
 * Picks the queue of an ordered send: messages that must stay in order go to the same queue. There is no
 * retry on another broker for such sends (it would break the order).
 */
@FunctionalInterface
public interface MessageQueueSelector {

    /** One of {@code queues} (the topic's writable queues, sorted) for {@code message}. */
    MessageQueue select(List<MessageQueue> queues, OutgoingMessage message, Object argument);

    /** Same key, same queue while the queue count is unchanged: {@code hash(key) mod queues}. */
    static MessageQueueSelector byHashOfArgument() {
        return (queues, message, argument) ->
                queues.get(Math.floorMod(String.valueOf(argument).hashCode(), queues.size()));
    }
}
