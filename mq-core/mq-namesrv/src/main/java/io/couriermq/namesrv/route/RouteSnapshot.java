package io.couriermq.namesrv.route;

import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable view of every route: clusters, broker groups, and the queues of each topic per broker
 * group. Readers take the current snapshot and never lock; writers publish a new one (see {@link
 * RouteTable}).
 *
 * @param clusters cluster name to the names of its broker groups
 * @param brokers broker name to its group (cluster, member addresses by id)
 * @param topics topic to broker name to the queues that broker group holds
 */
public record RouteSnapshot(
        Map<String, Set<String>> clusters,
        Map<String, BrokerData> brokers,
        Map<String, Map<String, QueueData>> topics) {

    static final RouteSnapshot EMPTY = new RouteSnapshot(Map.of(), Map.of(), Map.of());

    /** The route of {@code topic}, or null when no live broker group serves it. */
    public TopicRouteData routeOf(String topic, String orderTopicConf) {
        Map<String, QueueData> queues = topics.get(topic);
        if (queues == null || queues.isEmpty()) {
            return null;
        }
        List<BrokerData> brokerDatas = new ArrayList<>(queues.size());
        for (String brokerName : queues.keySet()) {
            BrokerData broker = brokers.get(brokerName);
            if (broker != null) {
                brokerDatas.add(broker);
            }
        }
        if (brokerDatas.isEmpty()) {
            return null;
        }
        return new TopicRouteData(orderTopicConf, new ArrayList<>(queues.values()), brokerDatas, Map.of());
    }

    public ClusterInfo clusterInfo() {
        return new ClusterInfo(brokers, clusters);
    }

    public Set<String> topicNames() {
        return Collections.unmodifiableSet(topics.keySet());
    }

    /** Topics with queues on at least one broker group of {@code clusterName}. */
    public Set<String> topicsOfCluster(String clusterName) {
        Set<String> brokerNames = clusters.getOrDefault(clusterName, Set.of());
        Set<String> result = new TreeSet<>();
        topics.forEach((topic, queues) -> {
            if (!Collections.disjoint(queues.keySet(), brokerNames)) {
                result.add(topic);
            }
        });
        return result;
    }

    /** Any address of any broker group, or null when none is registered. */
    public String anyBrokerAddress() {
        for (BrokerData broker : brokers.values()) {
            for (String address : broker.brokerAddrs().values()) {
                return address;
            }
        }
        return null;
    }

    Editor edit() {
        return new Editor(this);
    }
}
