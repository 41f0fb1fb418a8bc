package io.couriermq.namesrv.processor;

import io.couriermq.namesrv.kv.KvConfigTable;
import io.couriermq.namesrv.route.RouteSnapshot;
import io.couriermq.namesrv.route.RouteTable;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicList;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.ClusterRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** The read side: topic routes, cluster layout and topic lists. Every answer comes from one snapshot. */
public final class RouteQueryProcessor implements RequestProcessor {
    private final RouteTable routes;
    private final KvConfigTable kvConfig;
    private final BooleanSupplier orderMessageEnable;

    public RouteQueryProcessor(RouteTable routes, KvConfigTable kvConfig, boolean orderMessageEnable) {
        this(routes, kvConfig, () -> orderMessageEnable);
    }

    /** @param orderMessageEnable the setting in force, read on every route query (it may change at run time) */
    public RouteQueryProcessor(RouteTable routes, KvConfigTable kvConfig, BooleanSupplier orderMessageEnable) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.orderMessageEnable = orderMessageEnable;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        RouteSnapshot snapshot = routes.snapshot();
        return switch (RequestCode.of(request.code())) {
            case GET_ROUTEINFO_BY_TOPIC -> route(request, snapshot);
            case GET_BROKER_CLUSTER_INFO -> success(request, snapshot.clusterInfo());
            case GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> success(request, new TopicList(snapshot.topicNames(), null));
            case GET_TOPICS_BY_CLUSTER ->
                success(
                        request,
                        new TopicList(
                                snapshot.topicsOfCluster(request.decodeHeader(ClusterRequestHeader::decode)
                                        .cluster()),
                                null));
            case GET_SYSTEM_TOPIC_LIST_FROM_NS -> success(request, systemTopics(snapshot));
            default -> throw new IllegalArgumentException("not a route query: " + request);
        };
    }

    private RemotingCommand route(RemotingCommand request, RouteSnapshot snapshot) {
        String topic = request.decodeHeader(TopicRequestHeader::decode).topic();
        String orderTopicConf =
                orderMessageEnable.getAsBoolean() ? kvConfig.get(KvConfigTable.ORDER_TOPIC_CONFIG, topic) : null;
        TopicRouteData route = snapshot.routeOf(topic, orderTopicConf);
        if (route == null) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST)
                    .remark("No topic route info in name server for the topic: " + topic)
                    .build();
        }
        return success(request, route);
    }

    /** Cluster and broker names double as system topics, as on the official NameServer. */
    private static TopicList systemTopics(RouteSnapshot snapshot) {
        Set<String> names = new TreeSet<>(snapshot.clusters().keySet());
        names.addAll(snapshot.brokers().keySet());
        return new TopicList(names, snapshot.anyBrokerAddress());
    }

    private static RemotingCommand success(RemotingCommand request, Object body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(body))
                .build();
    }
}
