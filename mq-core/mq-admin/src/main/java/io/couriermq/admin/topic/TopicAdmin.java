package io.couriermq.admin.topic;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.TopicList;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.body.TopicStatsTable;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetTopicStatsInfoRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.KvConfigRequestHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Topics: list, route, queue status, create/update on a cluster or one broker, delete. */
public final class TopicAdmin {
    /** The NameServer KV namespace mqadmin writes an ordered topic's queue layout into. */
    static final String ORDER_TOPIC_NAMESPACE = "ORDER_TOPIC_CONFIG";

    private final AdminRpc rpc;
    private final Routes routes;

    public TopicAdmin(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
    }

    /** GET_ALL_TOPIC_LIST_FROM_NAMESERVER, sorted (system and retry topics included, as mqadmin shows them). */
    public List<String> list() {
        TopicList topics = rpc.getFromNameServer(
                () -> RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER)
                        .build(),
                TopicList.class);
        return List.copyOf(new TreeSet<>(topics.topicList()));
    }

    /** GET_ROUTEINFO_BY_TOPIC; empty when no NameServer knows the topic. */
    public Optional<TopicRouteView> route(String topic) {
        return routes.route(topic).map(route -> view(topic, route));
    }

    /** GET_TOPIC_STATS_INFO from each broker set of the route (its master, else any member). */
    public TopicStatus status(String topic) {
        TopicRouteData route = routes.route(topic)
                .orElseThrow(() ->
                        new AdminException("NameServer", "GET_ROUTEINFO_BY_TOPIC", "no route for " + topic, null));
        List<QueueStatus> queues = new ArrayList<>();
        route.brokerDatas().forEach(data -> {
            String address = data.masterAddress() != null
                    ? data.masterAddress()
                    : data.brokerAddrs().values().iterator().next();
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_TOPIC_STATS_INFO)
                    .header(new GetTopicStatsInfoRequestHeader(topic))
                    .build();
            rpc.get(address, request, TopicStatsTable.class)
                    .offsetTable()
                    .forEach((queue, offsets) -> queues.add(new QueueStatus(
                            queue.brokerName(),
                            queue.queueId(),
                            offsets.minOffset(),
                            offsets.maxOffset(),
                            offsets.lastUpdateTimestamp())));
        });
        queues.sort(Comparator.comparing(QueueStatus::brokerName).thenComparingInt(QueueStatus::queueId));
        return new TopicStatus(topic, queues);
    }

    /**
     * UPDATE_AND_CREATE_TOPIC on every master of the cluster; returns the broker names it went to. An
     * ordered topic's layout is also written to the NameServers' ORDER_TOPIC_CONFIG, as mqadmin does.
     */
    public List<String> createOnCluster(TopicSpec spec, String clusterName) {
        Map<String, String> masters = routes.masters(clusterName);
        if (masters.isEmpty()) {
            throw new AdminException(
                    "NameServer", "GET_BROKER_CLUSTER_INFO", "no master in cluster " + clusterName, null);
        }
        masters.values().forEach(address -> createOnBroker(spec, address));
        if (spec.order()) {
            StringBuilder layout = new StringBuilder();
            masters.keySet().forEach(name -> layout.append(layout.isEmpty() ? "" : ";")
                    .append(name)
                    .append(':')
                    .append(spec.writeQueues()));
            rpc.callEveryNameServer(() -> RemotingCommand.request(RequestCode.PUT_KV_CONFIG)
                    .header(new KvConfigRequestHeader(ORDER_TOPIC_NAMESPACE, spec.topic(), layout.toString()))
                    .build());
        }
        return List.copyOf(masters.keySet());
    }

    /** UPDATE_AND_CREATE_TOPIC on one broker (creates, or updates queue counts, perm and order). */
    public void createOnBroker(TopicSpec spec, String brokerAddress) {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(
                spec.topic(),
                "TBW102",
                spec.readQueues(),
                spec.writeQueues(),
                spec.perm(),
                "SINGLE_TAG",
                0,
                spec.order(),
                null,
                null);
        rpc.call(
                brokerAddress,
                RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                        .header(header)
                        .build());
    }

    /**
     * DELETE_TOPIC_IN_BROKER on every master of the cluster (or, with a null cluster, of the topic's
     * route), then DELETE_TOPIC_IN_NAMESRV on every NameServer. Returns the broker names it went to.
     */
    public List<String> delete(String topic, String clusterOrNull) {
        Map<String, String> masters = clusterOrNull == null ? routes.mastersOf(topic) : routes.masters(clusterOrNull);
        masters.values()
                .forEach(address -> rpc.call(
                        address,
                        RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER)
                                .header(new DeleteTopicRequestHeader(topic))
                                .build()));
        rpc.callEveryNameServer(() -> RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_NAMESRV)
                .header(new DeleteTopicFromNamesrvRequestHeader(topic, clusterOrNull))
                .build());
        return List.copyOf(masters.keySet());
    }

    private static TopicRouteView view(String topic, TopicRouteData route) {
        List<TopicQueues> queues = route.queueDatas().stream()
                .map(q -> new TopicQueues(q.brokerName(), q.readQueueNums(), q.writeQueueNums(), q.perm()))
                .sorted(Comparator.comparing(TopicQueues::brokerName))
                .toList();
        List<BrokerAddresses> brokers = route.brokerDatas().stream()
                .map(b -> new BrokerAddresses(b.cluster(), b.brokerName(), b.brokerAddrs()))
                .sorted(Comparator.comparing(BrokerAddresses::brokerName))
                .toList();
        return new TopicRouteView(topic, queues, brokers);
    }
}
