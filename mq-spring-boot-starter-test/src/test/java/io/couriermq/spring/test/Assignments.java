package io.couriermq.spring.test;

import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;

/**
 * Waits until running listener containers consume every queue of their topics. A new group starts an
 * empty queue at its end: the broker has no offset to give for an empty queue, so the client asks for the
 * queue's max offset, and a message stored between those two requests is skipped. Tests therefore send
 * only once the queues are taken, as an application would only count on messages sent after its
 * consumers are up.
 */
public final class Assignments {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Assignments() {}

    public static void awaitAll(MQListenerEndpointRegistry registry, EmbeddedCluster cluster) {
        for (MQListenerContainer container : registry.getListenerContainers()) {
            if (container.isRunning()) {
                awaitAll(container, cluster);
            }
        }
    }

    public static void awaitAll(MQListenerContainer container, EmbeddedCluster cluster) {
        for (String topic : container.topics()) {
            int queues = cluster.route(topic)
                    .map(route -> route.queueDatas().stream()
                            .mapToInt(QueueData::readQueueNums)
                            .sum())
                    .orElse(0);
            await().atMost(WAIT)
                    .alias("queues of " + topic + " taken by container " + container.id())
                    .until(() -> container.lag().keySet().stream()
                                    .filter(queue -> queue.topic().equals(topic))
                                    .count()
                            == queues);
        }
    }
}
