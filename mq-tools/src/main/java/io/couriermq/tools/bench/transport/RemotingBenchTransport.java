package io.couriermq.tools.bench.transport;

import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.TopicRoute;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@link BenchTransport} over the remoting protocol with one {@link NettyRemotingClient}. */
public final class RemotingBenchTransport implements BenchTransport {
    private static final long SEND_TIMEOUT_MS = 3_000;
    private static final long ADMIN_TIMEOUT_MS = 5_000;

    private final String nameServer;
    private final RemotingRequests requests;
    private final NettyRemotingClient client;

    /**
     * Requests signed with {@code credentials} (RocketMQ ACL 1.0; null sends them unsigned), over TLS as
     * {@code tls} says.
     */
    public RemotingBenchTransport(
            String nameServer, String group, int ioThreads, Credentials credentials, TlsClientSettings tls) {
        this.nameServer = nameServer;
        this.requests = new RemotingRequests(group);
        this.client = new NettyRemotingClient(
                new RemotingClientConfig(ioThreads, 3_000, RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES, 120, true)
                        .withCredentials(credentials)
                        .withTls(tls),
                new ChannelEventListener() {});
    }

    @Override
    public Optional<TopicRoute> route(String topic) {
        RemotingCommand response = client.invokeSync(nameServer, requests.route(topic), ADMIN_TIMEOUT_MS);
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST.code()) {
            return Optional.empty();
        }
        expectSuccess(response, "GET_ROUTEINFO_BY_TOPIC " + topic + " at " + nameServer);
        return Optional.of(RemotingRoutes.toBenchRoute(RemotingJson.decode(response.body(), TopicRouteData.class)));
    }

    @Override
    public List<String> createTopic(String topic, int queues) {
        RemotingCommand response = client.invokeSync(nameServer, requests.clusterInfo(), ADMIN_TIMEOUT_MS);
        expectSuccess(response, "GET_BROKER_CLUSTER_INFO at " + nameServer);
        ClusterInfo clusters = RemotingJson.decode(response.body(), ClusterInfo.class);
        List<String> masters = new ArrayList<>();
        for (BrokerData broker : clusters.brokerAddrTable().values()) {
            String master = broker.masterAddress();
            if (master != null) {
                RemotingCommand created =
                        client.invokeSync(master, requests.createTopic(topic, queues), ADMIN_TIMEOUT_MS);
                expectSuccess(created, "UPDATE_AND_CREATE_TOPIC " + topic + " at " + master);
                masters.add(master);
            }
        }
        return masters;
    }

    @Override
    public Outcome sendSync(String topic, BenchQueue queue, byte[] body) {
        return sendAsync(topic, queue, body).join();
    }

    @Override
    public CompletableFuture<Outcome> sendAsync(String topic, BenchQueue queue, byte[] body) {
        return answered(client.invokeAsync(queue.brokerAddress(), requests.send(topic, queue, body), SEND_TIMEOUT_MS));
    }

    @Override
    public CompletableFuture<Outcome> sendOneway(String topic, BenchQueue queue, byte[] body) {
        return client.invokeOneway(queue.brokerAddress(), requests.send(topic, queue, body))
                .handle((written, failure) -> failure == null ? Outcome.SUCCESS : failure(failure));
    }

    @Override
    public Outcome sendBatch(String topic, BenchQueue queue, List<byte[]> bodies) {
        return answered(client.invokeAsync(
                        queue.brokerAddress(), requests.sendBatch(topic, queue, bodies), SEND_TIMEOUT_MS))
                .join();
    }

    @Override
    public PullResult pull(String topic, BenchQueue queue, long offset, long suspendMs) {
        RemotingCommand response;
        try {
            response = client.invokeSync(
                    queue.brokerAddress(), requests.pull(topic, queue, offset, suspendMs), suspendMs + SEND_TIMEOUT_MS);
        } catch (RemotingException e) {
            return new PullResult(failure(e), offset, -1, List.of());
        }
        Outcome outcome = new Outcome(ResponseCode.nameOf(response.code()));
        PullMessageResponseHeader header = response.extField("nextBeginOffset") == null
                ? null
                : response.decodeHeader(PullMessageResponseHeader::decode);
        long next = header == null ? offset : header.nextBeginOffset();
        long max = header == null ? -1 : header.maxOffset();
        if (!outcome.succeeded() || !response.hasBody()) {
            return new PullResult(outcome, next, max, List.of());
        }
        List<ByteBuffer> bodies = MessageDecoder.decodeAll(ByteBuffer.wrap(response.body())).stream()
                .map(StoredMessage::message)
                .map(message -> message.body())
                .toList();
        return new PullResult(outcome, next, max, bodies);
    }

    @Override
    public long minOffset(String topic, BenchQueue queue) {
        return offset(queue, requests.minOffset(topic, queue), "GET_MIN_OFFSET " + topic + " " + queue);
    }

    @Override
    public long maxOffset(String topic, BenchQueue queue) {
        return offset(queue, requests.maxOffset(topic, queue), "GET_MAX_OFFSET " + topic + " " + queue);
    }

    @Override
    public void close() {
        client.close();
    }

    private long offset(BenchQueue queue, RemotingCommand request, String what) {
        RemotingCommand response = client.invokeSync(queue.brokerAddress(), request, ADMIN_TIMEOUT_MS);
        expectSuccess(response, what);
        return response.decodeHeader(OffsetResponseHeader::decode).offset();
    }

    private static CompletableFuture<Outcome> answered(CompletableFuture<RemotingCommand> response) {
        return response.handle((answer, failure) ->
                failure == null ? new Outcome(ResponseCode.nameOf(answer.code())) : failure(failure));
    }

    private static Outcome failure(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RemotingTimeoutException) {
            return new Outcome("TIMEOUT");
        }
        if (cause instanceof RemotingConnectException) {
            return new Outcome("CONNECT_FAILED");
        }
        return new Outcome("SEND_FAILED");
    }

    private static void expectSuccess(RemotingCommand response, String what) {
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new IllegalStateException(
                    what + " failed: " + ResponseCode.nameOf(response.code()) + " " + response.remark());
        }
    }
}
