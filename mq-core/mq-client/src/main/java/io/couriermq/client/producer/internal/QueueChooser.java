package io.couriermq.client.producer.internal;

import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin over a topic's writable queues that skips avoided brokers and, on a retry, the broker
 * that just failed. When every broker is avoided it still picks one: sending is better than refusing.
 */
public final class QueueChooser {
    private final FaultTracker faults;
    private final boolean avoidFaults;
    private final Map<String, AtomicInteger> positions = new ConcurrentHashMap<>();

    public QueueChooser(FaultTracker faults, boolean avoidFaults) {
        this.faults = faults;
        this.avoidFaults = avoidFaults;
    }

    /**
     * The next queue of {@code queues} (non-empty) for {@code topic}; {@code lastBroker} is the broker of
     * the previous failed attempt, or null on the first attempt.
     */
    public MessageQueue choose(String topic, List<MessageQueue> queues, String lastBroker) {
        int start = positions.computeIfAbsent(topic, t -> new AtomicInteger()).getAndIncrement();
        MessageQueue fallback = null;
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue queue = queues.get(Math.floorMod(start + i, queues.size()));
            boolean otherBroker = lastBroker == null || !lastBroker.equals(queue.brokerName());
            boolean healthy = !avoidFaults || !faults.isAvoided(queue.brokerName());
            if (otherBroker && healthy) {
                return queue;
            }
            if (fallback == null && otherBroker) {
                fallback = queue;
            }
        }
        return fallback != null ? fallback : queues.get(Math.floorMod(start, queues.size()));
    }
}
