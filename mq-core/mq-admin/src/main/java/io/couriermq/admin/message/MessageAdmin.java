package io.couriermq.admin.message;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.group.ClientConnection;
import io.couriermq.admin.group.GroupAdmin;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.QueryMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ViewMessageRequestHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages: by id (offset id via VIEW_MESSAGE_BY_ID, unique key via QUERY_MESSAGE), by key over a time
 * range, by queue offset (PULL), by time range in a topic (SEARCH_OFFSET + pulls, bounded), and a
 * resend to one consumer client (CONSUME_MESSAGE_DIRECTLY through the broker that stores it).
 */
public final class MessageAdmin {
    private static final int PULL_BATCH = 32;
    private static final int QUERY_MAX = 64;

    private final AdminRpc rpc;
    private final Routes routes;
    private final GroupAdmin groups;
    private final QueueReader reader;

    public MessageAdmin(AdminRpc rpc, Routes routes, GroupAdmin groups) {
        this.rpc = rpc;
        this.routes = routes;
        this.groups = groups;
        this.reader = new QueueReader(rpc);
    }

    /**
     * The message(s) with this id: an offset message id is read from the broker it names; otherwise (or
     * when that broker is not known) the id is looked up as a unique key in {@code topic} (may be null
     * for offset ids). Empty when nothing matches.
     */
    public List<MessageView> byId(String topic, String id) {
        Optional<MessageId> offsetId = offsetId(id);
        Map<String, String> known = brokerNamesByAddress();
        if (offsetId.isPresent()) {
            String address = StoredRecords.address(offsetId.get().storeHost());
            if (known.containsKey(address) || topic == null) {
                Optional<MessageView> viewed = view(address, offsetId.get().commitLogOffset(), known.get(address));
                if (viewed.isPresent()) {
                    return List.of(viewed.get());
                }
            }
        }
        return topic == null ? List.of() : query(topic, id, 0, Long.MAX_VALUE, QUERY_MAX, true);
    }

    /** Messages of {@code topic} carrying {@code key}, stored in [beginMs, endMs], oldest first, at most {@code max}. */
    public List<MessageView> byKey(String topic, String key, long beginMs, long endMs, int max) {
        return query(topic, key, beginMs, endMs, max, false);
    }

    /** The message at {@code offset} of one queue, if there is one. */
    public Optional<MessageView> byOffset(String topic, String brokerName, int queueId, long offset) {
        String address = masterOf(route(topic), brokerName);
        return reader.pull(address, brokerName, topic, queueId, offset, 1).messages().stream()
                .filter(message -> message.queueOffset() == offset)
                .findFirst();
    }

    /** Messages of {@code topic} stored in [beginMs, endMs] over every queue, oldest first, at most {@code max}. */
    public List<MessageView> byTime(String topic, long beginMs, long endMs, int max) {
        TopicRouteData route = route(topic);
        List<MessageView> found = new ArrayList<>();
        for (QueueData queues : route.queueDatas()) {
            String address = masterOf(route, queues.brokerName());
            for (int queueId = 0; queueId < queues.readQueueNums(); queueId++) {
                found.addAll(readQueue(address, queues.brokerName(), topic, queueId, beginMs, endMs, max));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingLong(MessageView::storeTimestampMs)
                        .thenComparingLong(MessageView::commitLogOffset))
                .limit(max)
                .toList();
    }

    /**
     * CONSUME_MESSAGE_DIRECTLY: the broker storing the message hands it to one consumer client of the
     * group ({@code clientId}, or with null the first one online), which runs its listener on it.
     */
    public DirectConsumeResult resendToConsumer(String group, String clientIdOrNull, String topic, String msgId) {
        MessageView message = byId(topic, msgId).stream()
                .findFirst()
                .orElseThrow(() -> new AdminException(
                        "the brokers of " + topic, "VIEW_MESSAGE_BY_ID", "no message with id " + msgId, null));
        String clientId = clientIdOrNull != null ? clientIdOrNull : firstClient(group);
        RemotingCommand request = RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY)
                .extField("consumerGroup", group)
                .extField("clientId", clientId)
                .extField("msgId", message.offsetMsgId())
                .extField("topic", message.topic())
                .extField("brokerName", message.brokerName() == null ? "" : message.brokerName())
                .build();
        String address = message.storeHost();
        DirectResultBody body = rpc.get(address, request, DirectResultBody.class);
        return new DirectConsumeResult(
                clientId, body.consumeResult(), body.remark(), body.order(), body.autoCommit(), body.spentTimeMills());
    }

    /** The JSON shape of RocketMQ's ConsumeMessageDirectlyResult. */
    record DirectResultBody(
            boolean order, boolean autoCommit, String consumeResult, String remark, long spentTimeMills) {}

    private String firstClient(String group) {
        List<ClientConnection> clients = groups.connections(group).clients();
        if (clients.isEmpty()) {
            throw new AdminException(
                    "the masters",
                    "GET_CONSUMER_CONNECTION_LIST",
                    "no consumer of group " + group + " is online",
                    null);
        }
        return clients.get(0).clientId();
    }

    private List<MessageView> readQueue(
            String address, String brokerName, String topic, int queueId, long beginMs, long endMs, int max) {
        List<MessageView> found = new ArrayList<>();
        long offset = reader.offsetAt(address, brokerName, topic, queueId, beginMs);
        while (found.size() < max) {
            QueueReader.Page page = reader.pull(address, brokerName, topic, queueId, offset, PULL_BATCH);
            for (MessageView message : page.messages()) {
                if (message.storeTimestampMs() > endMs) {
                    return found;
                }
                if (message.storeTimestampMs() >= beginMs) {
                    found.add(message);
                }
            }
            if (page.end() || page.nextOffset() <= offset) {
                return found;
            }
            offset = page.nextOffset();
        }
        return found;
    }

    private List<MessageView> query(String topic, String key, long beginMs, long endMs, int max, boolean unique) {
        TopicRouteData route = route(topic);
        Set<MessageView> found = new LinkedHashSet<>();
        for (BrokerData broker : route.brokerDatas()) {
            String address = masterOf(route, broker.brokerName());
            RemotingCommand request = RemotingCommand.request(RequestCode.QUERY_MESSAGE)
                    .header(new QueryMessageRequestHeader(topic, key, max, beginMs, endMs, unique))
                    .build();
            RemotingCommand response = rpc.call(address, request, ResponseCode.QUERY_NOT_FOUND);
            if (response.code() == ResponseCode.SUCCESS.code() && response.hasBody()) {
                StoredRecords.decodeAll(response.body(), broker.brokerName()).stream()
                        .filter(message -> message.topic().equals(topic))
                        .filter(message -> unique
                                ? message.msgId().equals(key)
                                : message.keys().contains(key))
                        .filter(message -> message.storeTimestampMs() >= beginMs && message.storeTimestampMs() <= endMs)
                        .forEach(found::add);
            }
        }
        return found.stream()
                .sorted(Comparator.comparingLong(MessageView::storeTimestampMs))
                .limit(max)
                .toList();
    }

    private Optional<MessageView> view(String address, long commitLogOffset, String brokerName) {
        RemotingCommand request = RemotingCommand.request(RequestCode.VIEW_MESSAGE_BY_ID)
                .header(new ViewMessageRequestHeader(commitLogOffset, null))
                .build();
        RemotingCommand response;
        try {
            response = rpc.call(address, request, ResponseCode.SYSTEM_ERROR, ResponseCode.QUERY_NOT_FOUND);
        } catch (AdminException e) {
            if (brokerName != null) {
                throw e;
            }
            return Optional.empty(); // an id that only looked like an offset id
        }
        if (response.code() != ResponseCode.SUCCESS.code() || !response.hasBody()) {
            return Optional.empty();
        }
        return StoredRecords.decodeAll(response.body(), brokerName).stream().findFirst();
    }

    private TopicRouteData route(String topic) {
        return routes.route(topic)
                .orElseThrow(() -> new AdminException(
                        "every NameServer", "GET_ROUTEINFO_BY_TOPIC", "no route for topic " + topic, null));
    }

    private static String masterOf(TopicRouteData route, String brokerName) {
        return route.brokerDatas().stream()
                .filter(data -> data.brokerName().equals(brokerName))
                .map(data -> data.masterAddress() != null
                        ? data.masterAddress()
                        : data.brokerAddrs().values().iterator().next())
                .findFirst()
                .orElseThrow(() -> new AdminException(
                        "every NameServer",
                        "GET_ROUTEINFO_BY_TOPIC",
                        "no broker " + brokerName + " in the route",
                        null));
    }

    private Map<String, String> brokerNamesByAddress() {
        Map<String, String> names = new HashMap<>();
        routes.clusterInfo().brokerAddrTable().values().forEach(data -> data.brokerAddrs()
                .values()
                .forEach(address -> names.put(address, data.brokerName())));
        return names;
    }

    static Optional<MessageId> offsetId(String id) {
        try {
            return Optional.of(MessageId.decode(id.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
