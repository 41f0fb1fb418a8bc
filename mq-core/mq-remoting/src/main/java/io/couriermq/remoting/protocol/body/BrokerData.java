package io.couriermq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker group: its cluster, its name, and the address of each member by broker id (0 = master).
 * Addresses are kept sorted by id, as clients print and pick them.
 */
public record BrokerData(
        String cluster, String brokerName, Map<Long, String> brokerAddrs, boolean enableActingMaster, String zoneName) {

    public BrokerData {
        brokerAddrs = brokerAddrs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }

    public String masterAddress() {
        return brokerAddrs.get(0L);
    }
}
