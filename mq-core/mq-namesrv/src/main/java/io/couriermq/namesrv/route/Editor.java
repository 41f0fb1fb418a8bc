package io.couriermq.namesrv.route;

import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Builds the next {@link RouteSnapshot} from the current one. Top-level maps are copied once per
 * edit; inner maps and sets are replaced, never changed in place, so the old snapshot stays valid for
 * readers that still hold it. Used under {@link RouteTable}'s write lock only.
 */
final class Editor {
    private final RouteSnapshot base;
    private final Map<String, Set<String>> clusters;
    private final Map<String, BrokerData> brokers;
    private final Map<String, Map<String, QueueData>> topics;
    private boolean changed;

    Editor(RouteSnapshot base) {
        this.base = base;
        this.clusters = new TreeMap<>(base.clusters());
        this.brokers = new TreeMap<>(base.brokers());
        this.topics = new TreeMap<>(base.topics());
    }

    void addBrokerToCluster(String clusterName, String brokerName) {
        Set<String> names = clusters.getOrDefault(clusterName, Set.of());
        if (!names.contains(brokerName)) {
            Set<String> updated = new TreeSet<>(names);
            updated.add(brokerName);
            clusters.put(clusterName, Collections.unmodifiableSet(updated));
            changed = true;
        }
    }

    /** Puts {@code address} at {@code brokerId}, dropping it from any other id it held before. */
    void putBrokerAddress(String clusterName, String brokerName, long brokerId, String address, boolean actingMaster) {
        BrokerData current = brokers.get(brokerName);
        Map<Long, String> addresses = new HashMap<>(current == null ? Map.of() : current.brokerAddrs());
        addresses.entrySet().removeIf(entry -> entry.getValue().equals(address) && entry.getKey() != brokerId);
        addresses.put(brokerId, address);
        if (current == null
                || !current.brokerAddrs().equals(addresses)
                || !current.cluster().equals(clusterName)
                || current.enableActingMaster() != actingMaster) {
            brokers.put(brokerName, new BrokerData(clusterName, brokerName, addresses, actingMaster, null));
            changed = true;
        }
    }

    /**
     * Removes {@code address} from broker group {@code brokerName}. A group left without members goes
     * away with its cluster membership and its queues in every topic.
     */
    void removeBrokerAddress(String clusterName, String brokerName, String address) {
        BrokerData current = brokers.get(brokerName);
        if (current == null) {
            return;
        }
        Map<Long, String> addresses = new HashMap<>(current.brokerAddrs());
        if (!addresses.values().removeIf(address::equals)) {
            return;
        }
        changed = true;
        if (!addresses.isEmpty()) {
            brokers.put(
                    brokerName,
                    new BrokerData(current.cluster(), brokerName, addresses, current.enableActingMaster(), null));
            return;
        }
        brokers.remove(brokerName);
        removeBrokerFromCluster(clusterName, brokerName);
        for (String topic : Set.copyOf(topics.keySet())) {
            updateQueues(topic, queues -> {
                queues.remove(brokerName);
                return queues;
            });
        }
    }

    /** The queues broker group {@code brokerName} has in {@code topic}, or null. */
    QueueData queueData(String topic, String brokerName) {
        Map<String, QueueData> queues = topics.get(topic);
        return queues == null ? null : queues.get(brokerName);
    }

    void putQueueData(String topic, QueueData queueData) {
        updateQueues(topic, queues -> {
            queues.put(queueData.brokerName(), queueData);
            return queues;
        });
    }

    /** Applies {@code change} to a mutable copy of the topic's queues; an empty result removes the topic. */
    void updateQueues(String topic, UnaryOperator<Map<String, QueueData>> change) {
        Map<String, QueueData> current = topics.getOrDefault(topic, Map.of());
        Map<String, QueueData> updated = change.apply(new TreeMap<>(current));
        if (updated.equals(current)) {
            return;
        }
        changed = true;
        if (updated.isEmpty()) {
            topics.remove(topic);
        } else {
            topics.put(topic, Collections.unmodifiableMap(updated));
        }
    }

    void removeTopic(String topic) {
        if (topics.remove(topic) != null) {
            changed = true;
        }
    }

    Map<String, Set<String>> clusters() {
        return clusters;
    }

    Map<String, Map<String, QueueData>> topics() {
        return topics;
    }

    RouteSnapshot build() {
        if (!changed) {
            return base;
        }
        return new RouteSnapshot(
                Collections.unmodifiableMap(clusters),
                Collections.unmodifiableMap(brokers),
                Collections.unmodifiableMap(topics));
    }

    private void removeBrokerFromCluster(String clusterName, String brokerName) {
        Set<String> names = clusters.get(clusterName);
        if (names == null || !names.contains(brokerName)) {
            return;
        }
        Set<String> updated = new TreeSet<>(names);
        updated.remove(brokerName);
        if (updated.isEmpty()) {
            clusters.remove(clusterName);
        } else {
            clusters.put(clusterName, Collections.unmodifiableSet(updated));
        }
    }
}
