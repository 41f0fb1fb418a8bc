package io.couriermq.client.internal;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Map;
import java.util.Optional;

/**
 * What a consumer registered with the runtime tells brokers in heartbeats, how it hears of changes, and
 * how it answers the admin requests brokers relay to it (running info, offsets, resets, direct consume).
 * Called on the runtime's callback threads.
 */
public interface ConsumerMembership {

    /** The group, subscriptions and model, as of now (subscription versions move with rebalances). */
    ConsumerData consumerData();

    /** A broker said the group's members or subscriptions changed: rebalance soon. */
    void onConsumerIdsChanged();

    /** GET_CONSUMER_RUNNING_INFO: settings, subscriptions, queues and rates, without a thread dump. */
    ConsumerRunningInfo runningInfo();

    /** GET_CONSUMER_STATUS_FROM_CLIENT: the offsets this consumer holds for the queues of {@code topic}. */
    Map<MessageQueue, Long> offsets(String topic);

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: the queues of {@code topic} this consumer works on restart at the given
     * offsets (queues not in the table, or not held here, are left alone); the offsets are committed.
     */
    void resetOffsets(String topic, Map<MessageQueue, Long> offsets);

    /**
     * CONSUME_MESSAGE_DIRECTLY: the message handed to the listener once, outside the normal flow (no
     * offset moves, nothing is sent back); empty when this consumer has no listener.
     */
    default Optional<ConsumeMessageDirectlyResult> consumeDirectly(ReceivedMessage message) {
        return Optional.empty();
    }
}
