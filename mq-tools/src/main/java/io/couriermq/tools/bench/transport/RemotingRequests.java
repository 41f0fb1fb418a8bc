package io.couriermq.tools.bench.transport;

import io.couriermq.common.message.codec.BatchCodec;
import io.couriermq.common.message.codec.BatchEntry;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMinOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.tools.bench.BenchQueue;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** Builds the remoting requests the load generator sends, the way the official 5.x client builds them. */
final class RemotingRequests {
    static final String DEFAULT_TOPIC = "TBW102";
    static final int DEFAULT_TOPIC_QUEUES = 4;
    static final int PULL_BATCH = 32;
    private static final String WAIT_STORE = "WAIT\u0001true\u0002";

    private final String group;

    RemotingRequests(String group) {
        this.group = group;
    }

    RemotingCommand route(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .header(new TopicRequestHeader(topic))
                .build();
    }

    RemotingCommand clusterInfo() {
        return RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO).build();
    }

    RemotingCommand createTopic(String topic, int queues) {
        return RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .header(new CreateTopicRequestHeader(
                        topic,
                        DEFAULT_TOPIC,
                        queues,
                        queues,
                        Permission.READ_WRITE,
                        "SINGLE_TAG",
                        0,
                        false,
                        null,
                        null))
                .build();
    }

    RemotingCommand send(String topic, BenchQueue queue, byte[] body) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .header(sendHeader(topic, queue, false).v2())
                .body(body)
                .build();
    }

    RemotingCommand sendBatch(String topic, BenchQueue queue, List<byte[]> bodies) {
        List<BatchEntry> entries =
                bodies.stream().map(body -> new BatchEntry(0, body, Map.of())).toList();
        ByteBuffer encoded = BatchCodec.encode(entries);
        byte[] body = new byte[encoded.remaining()];
        encoded.get(body);
        return RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE)
                .header(sendHeader(topic, queue, true).v2())
                .body(body)
                .build();
    }

    RemotingCommand pull(String topic, BenchQueue queue, long offset, long suspendMs) {
        int sysFlag = PullSysFlag.SUBSCRIPTION | (suspendMs > 0 ? PullSysFlag.SUSPEND : 0);
        return RemotingCommand.request(RequestCode.LITE_PULL_MESSAGE)
                .header(new PullMessageRequestHeader(
                        group,
                        topic,
                        queue.queueId(),
                        offset,
                        PULL_BATCH,
                        sysFlag,
                        0,
                        suspendMs,
                        "*",
                        0,
                        "TAG",
                        Integer.MAX_VALUE,
                        queue.brokerName()))
                .build();
    }

    RemotingCommand minOffset(String topic, BenchQueue queue) {
        return RemotingCommand.request(RequestCode.GET_MIN_OFFSET)
                .header(new GetMinOffsetRequestHeader(topic, queue.queueId(), queue.brokerName()))
                .build();
    }

    RemotingCommand maxOffset(String topic, BenchQueue queue) {
        return RemotingCommand.request(RequestCode.GET_MAX_OFFSET)
                .header(new GetMaxOffsetRequestHeader(topic, queue.queueId(), true, queue.brokerName()))
                .build();
    }

    private SendMessageRequestHeader sendHeader(String topic, BenchQueue queue, boolean batch) {
        return new SendMessageRequestHeader(
                group,
                topic,
                DEFAULT_TOPIC,
                DEFAULT_TOPIC_QUEUES,
                queue.queueId(),
                0,
                System.currentTimeMillis(),
                0,
                WAIT_STORE,
                0,
                false,
                null,
                batch,
                queue.brokerName());
    }
}
