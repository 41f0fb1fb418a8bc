package io.couriermq.namesrv.boot;

import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.route.BrokerLiveness;
import io.couriermq.namesrv.route.RouteSnapshot;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/routes}: clusters, broker groups with the liveness of each member, and topics. */
@Endpoint(id = "routes")
final class RoutesEndpoint {
    private final NameServer nameServer;

    RoutesEndpoint(NameServer nameServer) {
        this.nameServer = nameServer;
    }

    /** The whole route table as one JSON document. */
    public record RoutesView(
            Map<String, Set<String>> clusters,
            Map<String, BrokerData> brokers,
            List<LiveBroker> liveBrokers,
            Map<String, Collection<QueueData>> topics) {}

    /** One registered broker process and when it was last heard from. */
    public record LiveBroker(
            String cluster, String brokerName, long brokerId, String address, Instant lastHeartbeat, long timeoutMs) {}

    @ReadOperation
    public RoutesView routes() {
        RouteSnapshot snapshot = nameServer.routes().snapshot();
        List<LiveBroker> live = nameServer.routes().liveBrokers().stream()
                .map(RoutesEndpoint::liveBroker)
                .sorted(Comparator.comparing(LiveBroker::brokerName).thenComparing(LiveBroker::brokerId))
                .toList();
        Map<String, Collection<QueueData>> topics = new TreeMap<>();
        snapshot.topics().forEach((topic, queues) -> topics.put(topic, queues.values()));
        return new RoutesView(snapshot.clusters(), snapshot.brokers(), live, topics);
    }

    private static LiveBroker liveBroker(BrokerLiveness broker) {
        return new LiveBroker(
                broker.key().clusterName(),
                broker.brokerName(),
                broker.brokerId(),
                broker.key().brokerAddr(),
                Instant.ofEpochMilli(broker.lastUpdateMillis()),
                broker.timeoutMillis());
    }
}
