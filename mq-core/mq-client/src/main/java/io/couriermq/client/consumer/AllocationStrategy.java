package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;

/**
 * Decides which of a topic's queues one member of a clustering group consumes. Every member runs it on
 * the same sorted inputs, so the strategy must be deterministic and the members' shares must cover every
 * queue exactly once.
 */
public interface AllocationStrategy {

    /**
     * @param group the consumer group
     * @param clientId this member's id
     * @param queues every readable queue of the topic, sorted
     * @param clientIds every member's id, sorted; contains {@code clientId}
     * @return the queues this member consumes
     */
    List<MessageQueue> allocate(String group, String clientId, List<MessageQueue> queues, List<String> clientIds);

    /** A short name for logs. */
    String name();

    /** Contiguous blocks of queues, the official default (AllocateMessageQueueAveragely). */
    static AllocationStrategy average() {
        return new AverageAllocation();
    }

    /** A hash ring: when a member joins or leaves, only the queues near it on the ring move. */
    static AllocationStrategy consistentHash() {
        return new ConsistentHashAllocation(ConsistentHashAllocation.DEFAULT_VIRTUAL_NODES);
    }
}
