package io.couriermq.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link ClientRuntime#probe()} found: which NameServers and brokers answered a cheap request just
 * now. For health checks and start-up diagnostics: "no NameServer reachable" explains a stuck producer
 * better than its eventual timeout.
 *
 * @param nameServersReachable configured NameServers that answered (with any code)
 * @param nameServersUnreachable configured NameServers that could not be reached or did not answer in time
 * @param brokersReachable every broker master address of the routes in use, by address: true if it answered
 * @param checkedAtMs when the probe started, by the runtime's clock
 */
public record Connectivity(
        List<String> nameServersReachable,
        List<String> nameServersUnreachable,
        Map<String, Boolean> brokersReachable,
        long checkedAtMs) {

    public Connectivity {
        nameServersReachable = List.copyOf(nameServersReachable);
        nameServersUnreachable = List.copyOf(nameServersUnreachable);
        brokersReachable = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(brokersReachable)));
    }

    /** True if at least one NameServer answered: routes can still be learned. */
    public boolean anyNameServerReachable() {
        return !nameServersReachable.isEmpty();
    }

    /** True if every broker of the routes in use answered (also when no route is in use yet). */
    public boolean allBrokersReachable() {
        return !brokersReachable.containsValue(Boolean.FALSE);
    }
}
