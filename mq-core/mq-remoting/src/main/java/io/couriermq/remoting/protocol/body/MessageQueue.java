package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One queue of a topic on one broker. Clients compare queues with equals (lock results, rebalance) and
 * sort them by topic, broker name, queue id before allocating, so both are part of the contract.
 *
 * <p>As a map key it is written as its own JSON text inside a string (§3.0): official fastjson writes
 * an object as key, which is not JSON; both client generations read the string form.
 */
@JsonPropertyOrder({"brokerName", "queueId", "topic"})
@JsonSerialize(keyUsing = MessageQueueKeySerializer.class)
@JsonDeserialize(keyUsing = MessageQueueKeyDeserializer.class)
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator.comparing(
                    MessageQueue::topic, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(MessageQueue::brokerName, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(MessageQueue::queueId);

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }
}
