package io.couriermq.admin.cluster;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A broker set (one brokerName): addresses by brokerId (0 = master) and each member's view. */
public record BrokerSetView(
        String clusterName, String brokerName, Map<Long, String> addresses, List<BrokerView> members) {
    public BrokerSetView {
        addresses = Collections.unmodifiableMap(new TreeMap<>(addresses));
        members = List.copyOf(members);
    }

    /** The master's address, or null when the set has no live master. */
    public String masterAddress() {
        return addresses.get(0L);
    }
}
