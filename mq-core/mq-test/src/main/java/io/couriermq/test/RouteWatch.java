package io.couriermq.test;

import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits on the route tables of in-process NameServers, read directly (no request): what a client
 * would be told once it asks. Every wait holds for every NameServer, since clients may ask any of them.
 */
final class RouteWatch {
    private final List<NameServer> nameServers;
    private final Duration timeout;

    /** {@code nameServers} is the cluster's live list, filled as they start. */
    RouteWatch(List<NameServer> nameServers, Duration timeout) {
        this.nameServers = nameServers;
        this.timeout = timeout;
    }

    /** The route of {@code topic} at the first NameServer, if any broker serves it. */
    Optional<TopicRouteData> routeOf(String topic) {
        return routeAt(nameServers.get(0), topic);
    }

    /** Waits until every NameServer lists the broker's address under its brokerName and brokerId. */
    void awaitRegistered(EmbeddedBroker broker) {
        awaitAtEveryNameServer(
                "broker " + broker.name() + " registered at " + broker.address() + " as " + broker.brokerName() + " id "
                        + broker.brokerId(),
                nameServer -> broker.address().equals(registeredAddress(nameServer, broker)));
    }

    void awaitUnregistered(EmbeddedBroker broker) {
        awaitAtEveryNameServer(
                "broker " + broker.name() + " gone", nameServer -> registeredAddress(nameServer, broker) == null);
    }

    private static String registeredAddress(NameServer nameServer, EmbeddedBroker broker) {
        return Optional.ofNullable(nameServer.routes().snapshot().brokers().get(broker.brokerName()))
                .map(BrokerData::brokerAddrs)
                .map(addresses -> addresses.get(broker.brokerId()))
                .orElse(null);
    }

    /** Waits until {@code topic}'s route lists {@code queues} write queues on each of {@code brokers}. */
    void awaitTopic(String topic, List<EmbeddedBroker> brokers, int queues) {
        awaitAtEveryNameServer(
                "topic " + topic + " with " + queues + " queues on " + brokers.size() + " broker(s)",
                nameServer -> routeAt(nameServer, topic)
                        .map(route -> brokers.stream().allMatch(broker -> serves(route, broker.brokerName(), queues)))
                        .orElse(false));
    }

    private static boolean serves(TopicRouteData route, String brokerName, int queues) {
        return route.queueDatas().stream()
                .filter(queue -> queue.brokerName().equals(brokerName))
                .map(QueueData::writeQueueNums)
                .anyMatch(writeQueues -> writeQueues == queues);
    }

    private static Optional<TopicRouteData> routeAt(NameServer nameServer, String topic) {
        return Optional.ofNullable(nameServer.routes().snapshot().routeOf(topic, null));
    }

    private void awaitAtEveryNameServer(String what, Predicate<NameServer> condition) {
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !nameServers.isEmpty() && nameServers.stream().allMatch(condition));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("embedded cluster: no " + what + " within " + timeout, e);
        }
    }
}
