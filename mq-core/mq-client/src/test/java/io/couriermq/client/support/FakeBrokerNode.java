package io.couriermq.client.support;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.LockBatchRequestBody;
import io.couriermq.remoting.protocol.body.LockBatchResponseBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * One member of a faked broker set: a real {@link NettyRemotingServer} on 127.0.0.1 that answers what a
 * push consumer sends (heartbeats, member list, offsets) and hands every pull to a test-supplied
 * {@link PullAnswer}, which may answer or hold it (long polling) until {@link #releaseHeldPulls}. Every
 * pull and offset commit is recorded for the test to check.
 */
public final class FakeBrokerNode implements AutoCloseable {

    /** Answers a pull, or returns null to hold it. */
    @FunctionalInterface
    public interface PullAnswer {
        RemotingCommand answer(RemotingCommand request, PullMessageRequestHeader header);
    }

    private final NettyRemotingServer server;
    private final Set<String> clientIds;
    private final PullAnswer pulls;
    private final List<PullMessageRequestHeader> pullsReceived = new CopyOnWriteArrayList<>();
    private final List<UpdateConsumerOffsetRequestHeader> commitsReceived = new CopyOnWriteArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final List<RequestCode> codesReceived = new CopyOnWriteArrayList<>();

    private record Held(RequestContext context, RemotingCommand request, PullMessageRequestHeader header) {}

    /** @param clientIds shared by the set's members: who sent a heartbeat to any of them */
    public FakeBrokerNode(Set<String> clientIds, PullAnswer pulls) {
        this.clientIds = clientIds;
        this.pulls = pulls;
        this.server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        ExecutorService executor = server.newProcessorExecutor("fake-broker", 2, 1_000);
        handle(executor, RequestCode.HEART_BEAT, (context, request) -> heartbeat(request));
        handle(executor, RequestCode.UNREGISTER_CLIENT, (context, request) -> success(request));
        handle(executor, RequestCode.GET_CONSUMER_LIST_BY_GROUP, (context, request) -> RemotingCommand.responseTo(
                        request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new GetConsumerListByGroupResponseBody(List.copyOf(clientIds))))
                .build());
        handle(executor, RequestCode.QUERY_CONSUMER_OFFSET, (context, request) -> offset(request, 0));
        handle(executor, RequestCode.GET_MAX_OFFSET, (context, request) -> offset(request, 0));
        handle(executor, RequestCode.UPDATE_CONSUMER_OFFSET, (context, request) -> commit(request));
        handle(executor, RequestCode.LOCK_BATCH_MQ, (context, request) -> lockAll(request));
        handle(executor, RequestCode.UNLOCK_BATCH_MQ, (context, request) -> success(request));
        handle(executor, RequestCode.PULL_MESSAGE, this::pull);
        server.start();
    }

    /** How many requests of {@code code} this member received. */
    public long received(RequestCode code) {
        return codesReceived.stream().filter(received -> received == code).count();
    }

    public String address() {
        return "127.0.0.1:" + server.localPort();
    }

    public List<PullMessageRequestHeader> pulls() {
        return List.copyOf(pullsReceived);
    }

    public List<UpdateConsumerOffsetRequestHeader> commits() {
        return List.copyOf(commitsReceived);
    }

    /** Answers every held pull with {@code answer} (which must not hold it again). */
    public void releaseHeldPulls(PullAnswer answer) {
        List<Held> released;
        synchronized (held) {
            released = List.copyOf(held);
            held.clear();
        }
        released.forEach(pull -> pull.context().respond(answer.answer(pull.request(), pull.header())));
    }

    /** Stops as a killed broker would: connections closed, nothing answered. */
    public void kill() {
        server.abort();
    }

    @Override
    public void close() {
        server.abort();
    }

    private void handle(ExecutorService executor, RequestCode code, RequestProcessor processor) {
        server.registerProcessor(
                code,
                (context, request) -> {
                    codesReceived.add(code);
                    return processor.process(context, request);
                },
                executor);
    }

    /** Grants every lock asked for, as a broker with no other holder does. */
    private static RemotingCommand lockAll(RemotingCommand request) {
        LockBatchRequestBody asked = RemotingJson.decode(request.body(), LockBatchRequestBody.class);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(new LockBatchResponseBody(asked.mqSet())))
                .build();
    }

    private RemotingCommand pull(RequestContext context, RemotingCommand request) {
        PullMessageRequestHeader header = request.decodeHeader(PullMessageRequestHeader::decode);
        pullsReceived.add(header);
        RemotingCommand response = pulls.answer(request, header);
        if (response == null) {
            synchronized (held) {
                held.add(new Held(context, request, header));
            }
        }
        return response;
    }

    private RemotingCommand heartbeat(RemotingCommand request) {
        HeartbeatData heartbeat = RemotingJson.decode(request.body(), HeartbeatData.class);
        if (!heartbeat.consumerDataSet().isEmpty()) {
            clientIds.add(heartbeat.clientId());
        }
        return success(request);
    }

    private RemotingCommand commit(RemotingCommand request) {
        commitsReceived.add(request.decodeHeader(UpdateConsumerOffsetRequestHeader::decode));
        return success(request);
    }

    private static RemotingCommand offset(RemotingCommand request, long offset) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .header(new OffsetResponseHeader(offset))
                .build();
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }
}
