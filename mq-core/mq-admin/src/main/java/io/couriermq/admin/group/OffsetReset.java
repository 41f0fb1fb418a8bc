package io.couriermq.admin.group;

import io.couriermq.admin.AdminException;
import io.couriermq.admin.internal.AdminRpc;
import io.couriermq.admin.internal.Routes;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.ResetOffsetBody;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.BoundaryType;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SearchOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reset by time, as {@code mqadmin resetOffsetByTime} does it: INVOKE_BROKER_TO_RESET_OFFSET on every
 * master of the topic, which tells the online consumers and answers the new offsets. A broker that
 * answers CONSUMER_NOT_ONLINE has its offsets rewritten directly: SEARCH_OFFSET_BY_TIMESTAMP then
 * UPDATE_CONSUMER_OFFSET per queue. Unlike mqadmin, a broker that does not support the code
 * (REQUEST_CODE_NOT_SUPPORTED) gets the direct rewrite too, so older brokers can still be reset.
 */
final class OffsetReset {
    private final AdminRpc rpc;
    private final Routes routes;

    OffsetReset(AdminRpc rpc, Routes routes) {
        this.rpc = rpc;
        this.routes = routes;
    }

    List<QueueOffset> byTime(String group, String topic, long timestampMs, boolean force) {
        TopicRouteData route = routes.route(topic)
                .orElseThrow(() -> new AdminException(
                        "every NameServer", "GET_ROUTEINFO_BY_TOPIC", "no route for topic " + topic, null));
        List<QueueOffset> offsets = new ArrayList<>();
        for (QueueData queues : route.queueDatas()) {
            String master = route.brokerDatas().stream()
                    .filter(data -> data.brokerName().equals(queues.brokerName()))
                    .map(data -> data.masterAddress())
                    .filter(address -> address != null)
                    .findFirst()
                    .orElse(null);
            if (master != null) {
                offsets.addAll(onBroker(master, queues, group, topic, timestampMs, force));
            }
        }
        offsets.sort(Comparator.comparing(QueueOffset::brokerName).thenComparingInt(QueueOffset::queueId));
        return offsets;
    }

    private List<QueueOffset> onBroker(
            String master, QueueData queues, String group, String topic, long timestampMs, boolean force) {
        RemotingCommand request = RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET)
                .header(new ResetOffsetRequestHeader(
                        topic, group, ResetOffsetRequestHeader.ALL_QUEUES, null, timestampMs, force))
                .build();
        RemotingCommand response =
                rpc.call(master, request, ResponseCode.CONSUMER_NOT_ONLINE, ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        if (response.code() == ResponseCode.SUCCESS.code()) {
            List<QueueOffset> offsets = new ArrayList<>();
            if (response.hasBody()) {
                AdminRpc.decode(master, request, response, ResetOffsetBody.class)
                        .offsetTable()
                        .forEach((queue, offset) -> offsets.add(
                                new QueueOffset(queue.topic(), queue.brokerName(), queue.queueId(), offset)));
            }
            return offsets;
        }
        return rewrite(master, queues, group, topic, timestampMs, force);
    }

    private List<QueueOffset> rewrite(
            String master, QueueData queues, String group, String topic, long timestampMs, boolean force) {
        List<QueueOffset> offsets = new ArrayList<>();
        String brokerName = queues.brokerName();
        for (int queueId = 0; queueId < queues.readQueueNums(); queueId++) {
            long target = offsetAt(master, brokerName, topic, queueId, timestampMs);
            if (!force) {
                long committed = committed(master, brokerName, group, topic, queueId);
                if (committed >= 0 && committed <= target) {
                    offsets.add(new QueueOffset(topic, brokerName, queueId, committed));
                    continue;
                }
            }
            rpc.call(
                    master,
                    RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                            .header(new UpdateConsumerOffsetRequestHeader(group, topic, queueId, target, brokerName))
                            .build());
            offsets.add(new QueueOffset(topic, brokerName, queueId, target));
        }
        return offsets;
    }

    private long offsetAt(String master, String brokerName, String topic, int queueId, long timestampMs) {
        RemotingCommand response = rpc.call(
                master,
                RemotingCommand.request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP)
                        .header(new SearchOffsetRequestHeader(
                                topic, queueId, timestampMs, BoundaryType.LOWER, brokerName))
                        .build());
        return response.decodeHeader(OffsetResponseHeader::decode).offset();
    }

    /** The committed offset, or -1 when the group has none there. */
    private long committed(String master, String brokerName, String group, String topic, int queueId) {
        RemotingCommand response = rpc.call(
                master,
                RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET)
                        .header(new QueryConsumerOffsetRequestHeader(group, topic, queueId, false, brokerName))
                        .build(),
                ResponseCode.QUERY_NOT_FOUND);
        return response.code() == ResponseCode.SUCCESS.code()
                ? response.decodeHeader(OffsetResponseHeader::decode).offset()
                : -1;
    }
}
