package io.couriermq.test;

import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single raw protocol requests over mq-remoting, for tests that check a cluster (ours or Apache
 * RocketMQ's) without a client library: route and cluster queries to a NameServer, a broker's runtime
 * info, topic creation, one send and one pull to a broker. Every call is synchronous; a refusal fails with its code and remark.
 */
public final class RemotingProbe implements AutoCloseable {
    private static final long TIMEOUT_MS = 5_000;
    private static final String GROUP = "remoting-probe";

    private final NettyRemotingClient client =
            new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});

    /** GET_ROUTEINFO_BY_TOPIC; empty when the NameServer answers TOPIC_NOT_EXIST. */
    public Optional<TopicRouteData> route(String nameServerAddress, String topic) {
        RemotingCommand response = call(
                nameServerAddress,
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build(),
                ResponseCode.TOPIC_NOT_EXIST);
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
            return Optional.empty();
        }
        return Optional.of(RemotingJson.decode(response.body(), TopicRouteData.class));
    }

    /** GET_BROKER_CLUSTER_INFO: every registered broker group by name. */
    public ClusterInfo clusterInfo(String nameServerAddress) {
        RemotingCommand response = call(
                nameServerAddress,
                RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO).build(),
                ResponseCode.SUCCESS);
        return RemotingJson.decode(response.body(), ClusterInfo.class);
    }

    /**
     * GET_BROKER_RUNTIME_INFO: the table {@code mqadmin clusterList} prints ({@code brokerActive} is
     * true only for a writable master, so it tells masters from slaves).
     */
    public Map<String, String> runtimeInfo(String brokerAddress) {
        RemotingCommand response = call(
                brokerAddress,
                RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO).build(),
                ResponseCode.SUCCESS);
        return RemotingJson.decode(response.body(), KVTable.class).table();
    }

    /** UPDATE_AND_CREATE_TOPIC on one broker, with {@code queues} read and write queues. */
    public void createTopic(String brokerAddress, String topic, int queues) {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(
                topic, "TBW102", queues, queues, Permission.READ_WRITE, "SINGLE_TAG", 0, false, null, null);
        call(
                brokerAddress,
                RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                        .header(header)
                        .build(),
                ResponseCode.SUCCESS);
    }

    /** SEND_MESSAGE_V2 of {@code body} to one queue; the broker's answer (offsets, message id). */
    public SendMessageResponseHeader send(
            String brokerAddress, String brokerName, String topic, int queueId, byte[] body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                GROUP,
                topic,
                "TBW102",
                4,
                queueId,
                0,
                Clock.system().millis(),
                0,
                "",
                0,
                false,
                null,
                false,
                brokerName);
        RemotingCommand response = call(
                brokerAddress,
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .header(header.v2())
                        .body(body)
                        .build(),
                ResponseCode.SUCCESS);
        return response.decodeHeader(SendMessageResponseHeader::decode);
    }

    /**
     * PULL_MESSAGE of up to 32 messages from {@code offset}, not held: the messages found, or none
     * when the broker answers that there is nothing (yet) at that offset.
     */
    public List<StoredMessage> pull(String brokerAddress, String brokerName, String topic, int queueId, long offset) {
        PullMessageRequestHeader header = new PullMessageRequestHeader(
                GROUP, topic, queueId, offset, 32, PullSysFlag.SUBSCRIPTION, 0, 0, "*", 0, "TAG", null, brokerName);
        RemotingCommand response = call(
                brokerAddress,
                RemotingCommand.request(RequestCode.PULL_MESSAGE).header(header).build(),
                ResponseCode.PULL_NOT_FOUND,
                ResponseCode.PULL_OFFSET_MOVED,
                ResponseCode.PULL_RETRY_IMMEDIATELY);
        if (response.code() != ResponseCode.SUCCESS.code() || !response.hasBody()) {
            return List.of();
        }
        return MessageDecoder.decodeAll(ByteBuffer.wrap(response.body()));
    }

    /** {@link #pull}, each message's body read as UTF-8 text. */
    public List<String> pullBodies(String brokerAddress, String brokerName, String topic, int queueId, long offset) {
        return pull(brokerAddress, brokerName, topic, queueId, offset).stream()
                .map(stored ->
                        StandardCharsets.UTF_8.decode(stored.message().body()).toString())
                .toList();
    }

    private RemotingCommand call(String address, RemotingCommand request, ResponseCode... accepted) {
        RemotingCommand response = client.invokeSync(address, request, TIMEOUT_MS);
        if (response.code() == ResponseCode.SUCCESS.code()) {
            return response;
        }
        for (ResponseCode code : accepted) {
            if (response.code() == code.code()) {
                return response;
            }
        }
        throw new IllegalStateException(RequestCode.nameOf(request.code()) + " to " + address + " answered "
                + ResponseCode.nameOf(response.code()) + ": " + response.remark());
    }

    @Override
    public void close() {
        client.close();
    }
}
