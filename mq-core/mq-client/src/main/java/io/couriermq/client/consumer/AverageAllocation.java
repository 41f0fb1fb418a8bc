package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;

/**
 * Contiguous blocks, as the official AllocateMessageQueueAveragely (remoting-protocol §6.5 step 3): with
 * n queues, c members and this member at index i of the sorted ids, n ≤ c gives member i queue i (or
 * nothing when i ≥ n); otherwise the first {@code n mod c} members get {@code n / c + 1} queues and the
 * rest {@code n / c}, in order.
 */
public final class AverageAllocation implements AllocationStrategy {

    @Override
    public List<MessageQueue> allocate(
            String group, String clientId, List<MessageQueue> queues, List<String> clientIds) {
        int index = clientIds.indexOf(clientId);
        if (index < 0 || queues.isEmpty()) {
            return List.of();
        }
        int n = queues.size();
        int c = clientIds.size();
        if (n <= c) {
            return index < n ? List.of(queues.get(index)) : List.of();
        }
        int base = n / c;
        int remainder = n % c;
        int start = index < remainder ? index * (base + 1) : index * base + remainder;
        int count = index < remainder ? base + 1 : base;
        return List.copyOf(queues.subList(start, start + count));
    }

    @Override
    public String name() {
        return "AVG";
    }
}
