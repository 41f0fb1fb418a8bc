package io.couriermq.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round robin over the writable queues of one topic or of many; safe for any number of sending threads.
 * Over many topics it takes one queue of every topic before the next queue of any, so consecutive sends go
 * to different topics and the load is spread evenly over all of them.
 */
public final class QueueSelector {
    private final List<SendTarget> targets;
    private final AtomicInteger next = new AtomicInteger();

    private QueueSelector(List<SendTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no writable queue to send to");
        }
        this.targets = List.copyOf(targets);
    }

    /** The queues of one topic in turn. */
    public static QueueSelector of(String topic, List<BenchQueue> queues) {
        return new QueueSelector(
                queues.stream().map(queue -> new SendTarget(topic, queue)).toList());
    }

    /** Queue 0 of every topic (in the map's order), then queue 1 of every topic, and so on. */
    public static QueueSelector spread(Map<String, List<BenchQueue>> queuesByTopic) {
        int deepest = queuesByTopic.values().stream().mapToInt(List::size).max().orElse(0);
        List<SendTarget> targets = new ArrayList<>();
        for (int index = 0; index < deepest; index++) {
            for (Map.Entry<String, List<BenchQueue>> topic : queuesByTopic.entrySet()) {
                if (index < topic.getValue().size()) {
                    targets.add(new SendTarget(topic.getKey(), topic.getValue().get(index)));
                }
            }
        }
        return new QueueSelector(targets);
    }

    public SendTarget next() {
        return targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
    }

    /** How many queues it turns over. */
    public int size() {
        return targets.size();
    }
}
