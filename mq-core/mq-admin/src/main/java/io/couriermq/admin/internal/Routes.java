package io.couriermq.admin.internal;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What the NameServers know: the cluster table (106) and topic routes (105), and the masters in them. */
public final class Routes {
    private final AdminRpc rpc;

    public Routes(AdminRpc rpc) {
        this.rpc = rpc;
    }

    /** GET_BROKER_CLUSTER_INFO. */
    public ClusterInfo clusterInfo() {
        RemotingCommand response = rpc.callNameServer(() ->
                RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO).build());
        return RemotingJson.decode(response.body(), ClusterInfo.class);
    }

    /** GET_ROUTEINFO_BY_TOPIC; empty when the NameServers answer TOPIC_NOT_EXIST. */
    public Optional<TopicRouteData> route(String topic) {
        RemotingCommand response = rpc.callNameServer(
                () -> RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build(),
                ResponseCode.TOPIC_NOT_EXIST);
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST.code() || !response.hasBody()) {
            return Optional.empty();
        }
        return Optional.of(RemotingJson.decode(response.body(), TopicRouteData.class));
    }

    /** Broker name -> master address of every broker set with a live master, optionally of one cluster only. */
    public Map<String, String> masters(String clusterOrNull) {
        ClusterInfo info = clusterInfo();
        Set<String> names = clusterOrNull == null
                ? info.brokerAddrTable().keySet()
                : info.clusterAddrTable().getOrDefault(clusterOrNull, Set.of());
        Map<String, String> masters = new TreeMap<>();
        for (String name : names) {
            BrokerData data = info.brokerAddrTable().get(name);
            if (data != null && data.masterAddress() != null) {
                masters.put(name, data.masterAddress());
            }
        }
        return masters;
    }

    /** Broker name -> master address of the broker sets in a topic's route (empty when there is no route). */
    public Map<String, String> mastersOf(String topic) {
        Map<String, String> masters = new TreeMap<>();
        route(topic).ifPresent(route -> route.brokerDatas().forEach(data -> {
            if (data.masterAddress() != null) {
                masters.put(data.brokerName(), data.masterAddress());
            }
        }));
        return masters;
    }

    /** Every address of every broker (masters and slaves), for reads any member can answer. */
    public List<String> allAddresses() {
        List<String> addresses = new ArrayList<>();
        clusterInfo()
                .brokerAddrTable()
                .values()
                .forEach(data -> addresses.addAll(data.brokerAddrs().values()));
        return addresses;
    }
}
