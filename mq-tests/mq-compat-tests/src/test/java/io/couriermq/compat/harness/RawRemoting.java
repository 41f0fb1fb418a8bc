package io.couriermq.compat.harness;

import java.util.UUID;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.filter.ExpressionType;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.filter.FilterAPI;
import org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * The official 5.2.0 {@link NettyRemotingClient}, with or without a signing hook: single hand-built
 * requests and the server's exact answer (code and remark), without a producer's or consumer's retries.
 */
public final class RawRemoting implements AutoCloseable {

    private static final long TIMEOUT_MS = 5_000;

    private final NettyRemotingClient client;

    private RawRemoting(RPCHook hook) {
        client = new NettyRemotingClient(new NettyClientConfig());
        if (hook != null) {
            client.registerRPCHook(hook);
        }
        client.start();
    }

    /** Signs every request with {@code hook}. */
    public static RawRemoting signedBy(RPCHook hook) {
        return new RawRemoting(hook);
    }

    /** Sends requests exactly as built: unsigned, or signed (or tampered with) by the caller. */
    public static RawRemoting unsigned() {
        return new RawRemoting(null);
    }

    public RemotingCommand invoke(String address, RemotingCommand request) throws Exception {
        return client.invokeSync(address, request, TIMEOUT_MS);
    }

    public void invokeOneway(String address, RemotingCommand request) throws Exception {
        client.invokeOneway(address, request, TIMEOUT_MS);
    }

    public static RemotingCommand brokerRuntimeInfo() {
        return RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_RUNTIME_INFO, null);
    }

    public static RemotingCommand routeOf(String topic) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        return RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
    }

    /** A non-blocking pull of up to 32 messages from queue 0 of {@code topic} at offset 0, any tag. */
    public static RemotingCommand pull(String group, String topic) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(0);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(0);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        header.setExpressionType(ExpressionType.TAG);
        return RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, header);
    }

    /** A heartbeat of one clustering push consumer of {@code group} subscribed to {@code topic}. */
    public static RemotingCommand heartbeat(String group, String topic) throws Exception {
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(group);
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.getSubscriptionDataSet().add(FilterAPI.buildSubscriptionData(topic, "*"));
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("127.0.0.1@raw-" + UUID.randomUUID());
        heartbeat.getConsumerDataSet().add(consumer);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        request.setBody(heartbeat.encode());
        return request;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
