package io.couriermq.admin.topic;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One broker set of a route: its cluster, name and addresses by brokerId (0 = master). */
public record BrokerAddresses(String clusterName, String brokerName, Map<Long, String> addresses) {
    public BrokerAddresses {
        addresses = Collections.unmodifiableMap(new TreeMap<>(addresses));
    }

    /** The master's address, or null when the set has no live master. */
    public String masterAddress() {
        return addresses.get(0L);
    }
}
