package io.couriermq.admin.cluster;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.KVTable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Clusters and brokers: who is registered, their runtime figures, and their configuration. */
public final class ClusterAdmin {
    private final AdminRpc rpc;
    private final Routes routes;

    public ClusterAdmin(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
    }

    /** Every cluster with its broker sets and the runtime figures of each member (GET_BROKER_CLUSTER_INFO + 28). */
    public List<ClusterView> clusters() {
        ClusterInfo info = routes.clusterInfo();
        List<ClusterView> clusters = new ArrayList<>();
        for (Map.Entry<String, Set<String>> cluster : new TreeMap<>(info.clusterAddrTable()).entrySet()) {
            List<BrokerSetView> sets = new ArrayList<>();
            for (String brokerName : new TreeSet<>(cluster.getValue())) {
                BrokerData data = info.brokerAddrTable().get(brokerName);
                if (data != null) {
                    sets.add(brokerSet(cluster.getKey(), data));
                }
            }
            clusters.add(new ClusterView(cluster.getKey(), sets));
        }
        return clusters;
    }

    /** Broker name -> master address of every broker set with a live master, of one cluster or (null) all. */
    public Map<String, String> masters(String clusterOrNull) {
        return routes.masters(clusterOrNull);
    }

    /** GET_BROKER_RUNTIME_INFO of one broker. */
    public BrokerRuntime runtime(String brokerAddress) {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build();
        return BrokerRuntime.of(rpc.get(brokerAddress, request, KVTable.class).table());
    }

    /** GET_BROKER_CONFIG: the broker's effective configuration, key -> value, sorted by key. */
    public Map<String, String> brokerConfig(String brokerAddress) {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.GET_BROKER_CONFIG).build();
        RemotingCommand response = rpc.call(brokerAddress, request);
        Properties properties = new Properties();
        if (response.hasBody()) {
            try {
                properties.load(new StringReader(new String(response.body(), StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw new AdminException(brokerAddress, "GET_BROKER_CONFIG", "unreadable properties: " + e, e);
            }
        }
        Map<String, String> config = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    /** UPDATE_BROKER_CONFIG: changes the given keys at run time (the broker refuses keys it cannot change). */
    public void updateBrokerConfig(String brokerAddress, Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings)
                .forEach((key, value) ->
                        text.append(key).append('=').append(value).append('\n'));
        RemotingCommand request = RemotingCommand.request(RequestCode.UPDATE_BROKER_CONFIG)
                .body(text.toString().getBytes(StandardCharsets.UTF_8))
                .build();
        rpc.call(brokerAddress, request);
    }

    private BrokerSetView brokerSet(String clusterName, BrokerData data) {
        List<BrokerView> members = new ArrayList<>();
        data.brokerAddrs().forEach((brokerId, address) -> members.add(member(clusterName, data, brokerId, address)));
        return new BrokerSetView(clusterName, data.brokerName(), data.brokerAddrs(), members);
    }

    private BrokerView member(String clusterName, BrokerData data, long brokerId, String address) {
        String role = brokerId == 0 ? BrokerView.MASTER : BrokerView.SLAVE;
        try {
            return new BrokerView(clusterName, data.brokerName(), brokerId, address, role, runtime(address), null);
        } catch (AdminException e) {
            return new BrokerView(clusterName, data.brokerName(), brokerId, address, role, null, e.getMessage());
        }
    }
}
