package io.couriermq.broker.boot;

import io.couriermq.broker.admin.QueueStats;
import io.couriermq.remoting.protocol.body.OffsetWrapper;
import io.couriermq.remoting.protocol.body.TopicConfig;
import java.util.List;

/**
 * A group's lag on a topic as the admin tools compute it from GET_CONSUME_STATS: the sum over the
 * topic's read queues of (max offset - committed offset), a queue without a commit counting from 0.
 */
final class ConsumerLag {
    private ConsumerLag() {}

    static long of(QueueStats stats, String group, TopicConfig topic) {
        long lag = 0;
        for (OffsetWrapper queue :
                stats.consumeStats(group, List.of(topic)).offsetTable().values()) {
            lag += Math.max(0, queue.brokerOffset() - queue.consumerOffset());
        }
        return lag;
    }
}
