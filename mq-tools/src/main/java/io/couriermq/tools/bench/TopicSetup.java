package io.couriermq.tools.bench;

import io.couriermq.tools.bench.transport.BenchTransport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route of the topic, creating the topic first when a producing run needs it: UPDATE_AND_CREATE_TOPIC
 * on every master the NameServer knows, then waits for the brokers' re-registration to publish the route.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final long ROUTE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final BenchTransport transport;

    public TopicSetup(BenchTransport transport) {
        this.transport = transport;
    }

    /** The route; empty when the topic does not exist and {@code create} is false, or never showed up. */
    public Optional<TopicRoute> resolve(String topic, boolean create, int queues) {
        Optional<TopicRoute> route =
                transport.route(topic).filter(found -> !found.writableQueues().isEmpty());
        if (route.isPresent() || !create) {
            return route;
        }
        List<String> masters = transport.createTopic(topic, queues);
        LOG.info("created topic {} with {} queues on {}", topic, queues, masters);
        if (masters.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + ROUTE_WAIT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            route = transport
                    .route(topic)
                    .filter(found -> found.writableQueues().size() >= queues * masters.size());
            if (route.isPresent()) {
                return route;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return transport.route(topic);
    }
}
