package io.couriermq.client.support;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A NameServer that knows one topic with one queue on one broker set, whose live members the test sets
 * ({@link #members}); every other topic does not exist. Counts the route requests for that topic.
 */
public final class FakeNameServer implements AutoCloseable {
    private final NettyRemotingServer server;
    private final String topic;
    private final String brokerName;
    private volatile Map<Long, String> members;
    private final AtomicInteger routeRequests = new AtomicInteger();

    public FakeNameServer(String topic, String brokerName, Map<Long, String> members) {
        this.topic = topic;
        this.brokerName = brokerName;
        this.members = Map.copyOf(members);
        this.server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        server.registerProcessor(
                RequestCode.GET_ROUTEINFO_BY_TOPIC,
                (context, request) -> route(request),
                server.newProcessorExecutor("fake-namesrv", 1, 1_000));
        server.start();
    }

    public String address() {
        return "127.0.0.1:" + server.localPort();
    }

    /** The broker set's live members (broker id to address) from now on. */
    public void members(Map<Long, String> live) {
        this.members = Map.copyOf(live);
    }

    /** How many times the topic's route was asked for. */
    public int routeRequests() {
        return routeRequests.get();
    }

    @Override
    public void close() {
        server.abort();
    }

    private RemotingCommand route(RemotingCommand request) {
        String asked = request.decodeHeader(TopicRequestHeader::decode).topic();
        if (!asked.equals(topic)) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST)
                    .remark("no topic " + asked)
                    .build();
        }
        routeRequests.incrementAndGet();
        TopicRouteData route = new TopicRouteData(
                null,
                List.of(new QueueData(brokerName, 1, 1, Permission.READ_WRITE, 0)),
                List.of(new BrokerData("FakeCluster", brokerName, members, false, null)),
                Map.of());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(route))
                .build();
    }
}
