package io.couriermq.admin.group;

import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.SubscriptionGroupWrapper;
import io.couriermq.remoting.protocol.header.broker.DeleteSubscriptionGroupRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerConnectionListRequestHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Consumer groups: list, progress with lag, connections, reset by time, delete. */
public final class GroupAdmin {
    private final AdminRpc rpc;
    private final Routes routes;
    private final OffsetReset reset;

    public GroupAdmin(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
        this.reset = new OffsetReset(rpc, routes);
    }

    /** GET_ALL_SUBSCRIPTIONGROUP_CONFIG from every master: the union of their group names, sorted. */
    public List<String> list() {
        TreeSet<String> groups = new TreeSet<>();
        routes.masters(null)
                .values()
                .forEach(address -> groups.addAll(rpc.get(
                                address,
                                RemotingCommand.request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG)
                                        .build(),
                                SubscriptionGroupWrapper.class)
                        .subscriptionGroupTable()
                        .keySet()));
        return List.copyOf(groups);
    }

    /** GET_CONSUME_STATS from every master: the group's offsets, lag and consume TPS, by topic, broker, queue. */
    public GroupProgress progress(String group) {
        double tps = 0;
        List<QueueProgress> queues = new ArrayList<>();
        for (String address : routes.masters(null).values()) {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_CONSUME_STATS)
                    .header(new GetConsumeStatsRequestHeader(group, null))
                    .build();
            RemotingCommand response = rpc.call(
                    address, request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, ResponseCode.CONSUMER_NOT_ONLINE);
            if (response.code() != ResponseCode.SUCCESS.code()) {
                continue; // this broker has nothing of the group
            }
            ConsumeStats stats = AdminRpc.decode(address, request, response, ConsumeStats.class);
            tps += stats.consumeTps();
            stats.offsetTable()
                    .forEach((queue, offsets) -> queues.add(new QueueProgress(
                            queue.topic(),
                            queue.brokerName(),
                            queue.queueId(),
                            offsets.brokerOffset(),
                            offsets.consumerOffset(),
                            offsets.lastTimestamp())));
        }
        queues.sort(Comparator.comparing(QueueProgress::topic)
                .thenComparing(QueueProgress::brokerName)
                .thenComparingInt(QueueProgress::queueId));
        return new GroupProgress(group, tps, queues);
    }

    /** GET_CONSUMER_CONNECTION_LIST from the masters in turn until one has the group online. */
    public GroupConnections connections(String group) {
        for (String address : routes.masters(null).values()) {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_CONSUMER_CONNECTION_LIST)
                    .header(new GetConsumerConnectionListRequestHeader(group))
                    .build();
            RemotingCommand response = rpc.call(address, request, ResponseCode.CONSUMER_NOT_ONLINE);
            if (response.code() == ResponseCode.SUCCESS.code()) {
                return view(group, AdminRpc.decode(address, request, response, ConsumerConnection.class));
            }
        }
        return new GroupConnections(group, null, null, null, List.of(), List.of());
    }

    /**
     * Moves the group's committed offsets in {@code topic} to the first message stored at or after
     * {@code timestampMs} (with {@code force} false, only queues whose offset is past that point move).
     * See {@link OffsetReset}. Returns the new offset of every queue.
     */
    public List<QueueOffset> resetByTime(String group, String topic, long timestampMs, boolean force) {
        return reset.byTime(group, topic, timestampMs, force);
    }

    /** DELETE_SUBSCRIPTIONGROUP on every master (of one cluster, or all); returns the broker names. */
    public List<String> delete(String group, String clusterOrNull, boolean cleanOffsets) {
        Map<String, String> masters = routes.masters(clusterOrNull);
        masters.values()
                .forEach(address -> rpc.call(
                        address,
                        RemotingCommand.request(RequestCode.DELETE_SUBSCRIPTIONGROUP)
                                .header(new DeleteSubscriptionGroupRequestHeader(group, cleanOffsets))
                                .build()));
        return List.copyOf(masters.keySet());
    }

    private static GroupConnections view(String group, ConsumerConnection connection) {
        List<ClientConnection> clients = connection.connectionSet().stream()
                .map(c -> new ClientConnection(
                        c.clientId(), c.clientAddr(), Objects.toString(c.language(), null), c.version()))
                .sorted(Comparator.comparing(ClientConnection::clientId))
                .toList();
        List<SubscriptionView> subscriptions = connection.subscriptionTable().values().stream()
                .map(s -> new SubscriptionView(s.topic(), s.subString(), s.expressionType()))
                .sorted(Comparator.comparing(SubscriptionView::topic))
                .toList();
        return new GroupConnections(
                group,
                Objects.toString(connection.consumeType(), null),
                Objects.toString(connection.messageModel(), null),
                Objects.toString(connection.consumeFromWhere(), null),
                clients,
                subscriptions);
    }
}
