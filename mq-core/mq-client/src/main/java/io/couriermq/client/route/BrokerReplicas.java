package io.couriermq.client.route;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The live members of one broker set (one broker name) by broker id, as the route lists them: 0 is the
 * master, 1 and up are slaves. Never empty: a set with no live member is not part of a route.
 */
public record BrokerReplicas(String brokerName, NavigableMap<Long, String> addresses) {

    public BrokerReplicas {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("broker set " + brokerName + " has no address");
        }
        addresses = Collections.unmodifiableNavigableMap(new TreeMap<>(addresses));
    }

    public static BrokerReplicas of(String brokerName, Map<Long, String> addresses) {
        return new BrokerReplicas(brokerName, new TreeMap<>(addresses));
    }

    /** The master's address, or null when the set has no live master. */
    public String masterAddress() {
        return addresses.get(Replica.MASTER_ID);
    }

    public boolean hasMaster() {
        return masterAddress() != null;
    }

    /**
     * Where the next pull goes: the member the broker suggested if the route has it, else the master,
     * else the slave with the lowest id (RocketMQ's findBrokerAddressInSubscribe).
     */
    public Replica forPull(long suggestedBrokerId) {
        String suggested = addresses.get(suggestedBrokerId);
        if (suggested != null) {
            return new Replica(brokerName, suggestedBrokerId, suggested);
        }
        return masterElseLowest();
    }

    /**
     * Where offsets are committed and asked: the master; without one, the member the queue is read from
     * ({@code readFromBrokerId}) if the route has it, else the slave with the lowest id.
     */
    public Replica forOffsets(long readFromBrokerId) {
        if (hasMaster()) {
            return new Replica(brokerName, Replica.MASTER_ID, masterAddress());
        }
        return forPull(readFromBrokerId);
    }

    /** The master if there is one, else the slave with the lowest id. */
    public Replica masterElseLowest() {
        Map.Entry<Long, String> first = addresses.firstEntry();
        return new Replica(brokerName, first.getKey(), first.getValue());
    }
}
