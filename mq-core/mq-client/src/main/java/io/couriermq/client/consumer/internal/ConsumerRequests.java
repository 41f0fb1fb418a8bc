package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.route.BrokerReplicas;
import io.couriermq.client.route.Replica;
import io.couriermq.client.route.RouteCache;
import io.couriermq.client.route.TopicRoute;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.couriermq.remoting.protocol.body.LockBatchRequestBody;
import io.couriermq.remoting.protocol.body.LockBatchResponseBody;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.UnlockBatchRequestBody;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.broker.BoundaryType;
import io.couriermq.remoting.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetMinOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SearchOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The consumer's requests to brokers, each addressed to a member of the queue's broker set: pulls where
 * the broker last suggested ({@link QueueReplicas}), offsets to the master or, while the set has none,
 * to the slave the queue is read from; locks, send-backs and other writes to the master only.
 */
public final class ConsumerRequests {
    /** LOCK_BATCH_MQ is on the rebalance path; the official client gives it 1 s. */
    static final long LOCK_TIMEOUT_MS = 1_000;

    /** The pull codes whose answer carries the offsets and the next member to pull from. */
    private static final Set<Integer> PULL_ANSWERS = Set.of(
            ResponseCode.SUCCESS.code(),
            ResponseCode.PULL_NOT_FOUND.code(),
            ResponseCode.PULL_RETRY_IMMEDIATELY.code(),
            ResponseCode.PULL_OFFSET_MOVED.code());

    private final BrokerRpc brokers;
    private final RouteCache routes;
    private final QueueReplicas replicas;

    public ConsumerRequests(BrokerRpc brokers, RouteCache routes) {
        this.brokers = brokers;
        this.routes = routes;
        this.replicas = new QueueReplicas(routes);
    }

    /** The master address of {@code brokerName}; fails (retriable) when no cached route knows one. */
    public String masterOf(String brokerName) {
        String address = routes.masterAddress(brokerName);
        if (address == null) {
            throw new ClientException("no live master of broker " + brokerName + " in any known route", -1, true);
        }
        return address;
    }

    /**
     * The raw answer to a pull, whatever its code, from the member the broker last suggested for the
     * queue. A pull to a slave never carries a commit (its COMMIT_OFFSET bit is cleared): offsets belong
     * to the master. The answer's suggestion is remembered for the queue's next pull.
     */
    public CompletableFuture<RemotingCommand> pull(PullMessageRequestHeader header, long timeoutMs) {
        MessageQueue queue = new MessageQueue(header.topic(), header.brokerName(), header.queueId());
        Replica target;
        try {
            target = replicas.forPull(queue);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        PullMessageRequestHeader sent = target.isMaster() ? header : withoutCommit(header);
        RemotingCommand request =
                RemotingCommand.request(RequestCode.PULL_MESSAGE).header(sent).build();
        return brokers.invoke(target.address(), request, timeoutMs).whenComplete((response, failure) -> {
            if (failure != null) {
                replicas.noAnswer(queue, target);
            } else if (PULL_ANSWERS.contains(response.code())) {
                replicas.suggest(queue, suggestedBrokerId(response));
            }
        });
    }

    /** Which member of each queue's broker set these requests go to. */
    public QueueReplicas replicas() {
        return replicas;
    }

    /**
     * The group's committed offset of the queue, or -1 when the broker has none (QUERY_NOT_FOUND). The
     * broker answers 0 for a queue still holding its first message unless {@code strict}.
     */
    public long queryOffset(String group, MessageQueue queue, boolean strict) {
        RemotingCommand response = BrokerRpc.join(brokers.invoke(
                replicas.forOffsets(queue).address(),
                request(
                        RequestCode.QUERY_CONSUMER_OFFSET,
                        new QueryConsumerOffsetRequestHeader(
                                group,
                                queue.topic(),
                                queue.queueId(),
                                strict ? Boolean.FALSE : null,
                                queue.brokerName())),
                brokers.defaultTimeoutMs()));
        if (response.code() == ResponseCode.QUERY_NOT_FOUND.code()) {
            return -1;
        }
        return offsetOf(RequestCode.QUERY_CONSUMER_OFFSET, queue, response);
    }

    /** UPDATE_CONSUMER_OFFSET, oneway (periodic persistence) or answered (an explicit commit). */
    public CompletableFuture<Void> updateOffset(String group, MessageQueue queue, long offset, boolean oneway) {
        RemotingCommand request = request(
                RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(
                        group, queue.topic(), queue.queueId(), offset, queue.brokerName()));
        try {
            String address = replicas.forOffsets(queue).address();
            return oneway
                    ? brokers.oneway(address, request)
                    : brokers.invokeExpectingSuccess(address, request, brokers.defaultTimeoutMs())
                            .thenApply(response -> null);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public long maxOffset(MessageQueue queue) {
        return offset(
                RequestCode.GET_MAX_OFFSET,
                queue,
                new GetMaxOffsetRequestHeader(queue.topic(), queue.queueId(), true, queue.brokerName()));
    }

    /**
     * GET_MAX_OFFSET without blocking (lag of many queues is asked in parallel); failures, including an
     * unknown master, complete the future exceptionally.
     */
    public CompletableFuture<Long> maxOffsetAsync(MessageQueue queue, long timeoutMs) {
        RemotingCommand request = request(
                RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(queue.topic(), queue.queueId(), true, queue.brokerName()));
        try {
            return brokers.invoke(replicas.forOffsets(queue).address(), request, timeoutMs)
                    .thenApply(response -> offsetOf(RequestCode.GET_MAX_OFFSET, queue, response));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(BrokerRpc.asClientException(e));
        }
    }

    public long minOffset(MessageQueue queue) {
        return offset(
                RequestCode.GET_MIN_OFFSET,
                queue,
                new GetMinOffsetRequestHeader(queue.topic(), queue.queueId(), queue.brokerName()));
    }

    /** The first offset stored at or after {@code timestampMs} (the max offset when all are older). */
    public long searchOffset(MessageQueue queue, long timestampMs) {
        return offset(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                queue,
                new SearchOffsetRequestHeader(
                        queue.topic(), queue.queueId(), timestampMs, BoundaryType.LOWER, queue.brokerName()));
    }

    /**
     * The ids of the group's live members, asked of one broker set of the topic's route picked at random
     * (its master, else its lowest slave: consumers beat to slaves too); an empty list when that broker
     * knows no member (it answers SYSTEM_ERROR "no consumer").
     */
    public List<String> consumerIds(String group, TopicRoute route) {
        List<BrokerReplicas> sets = new ArrayList<>(route.brokers().values());
        if (sets.isEmpty()) {
            throw new ClientException("route of " + route.topic() + " has no live broker", -1, true);
        }
        String address = sets.get(ThreadLocalRandom.current().nextInt(sets.size()))
                .masterElseLowest()
                .address();
        RemotingCommand response = BrokerRpc.join(brokers.invoke(
                address,
                request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, new GetConsumerListByGroupRequestHeader(group)),
                brokers.defaultTimeoutMs()));
        if (response.code() != ResponseCode.SUCCESS.code() || !response.hasBody()) {
            return List.of();
        }
        List<String> ids = RemotingJson.decode(response.body(), GetConsumerListByGroupResponseBody.class)
                .consumerIdList();
        return ids == null ? List.of() : ids;
    }

    /**
     * LOCK_BATCH_MQ at one broker's master: the subset of {@code queues} this client now holds. Never at
     * a slave (its locks would not be the master's): an orderly queue whose set has no master stays
     * unlocked, so it is neither pulled nor consumed until the master is back.
     */
    public Set<MessageQueue> lock(String group, String clientId, String brokerName, Set<MessageQueue> queues) {
        RemotingCommand request = RemotingCommand.request(RequestCode.LOCK_BATCH_MQ)
                .body(RemotingJson.encode(new LockBatchRequestBody(group, clientId, false, queues)))
                .build();
        RemotingCommand response =
                BrokerRpc.join(brokers.invokeExpectingSuccess(masterOf(brokerName), request, LOCK_TIMEOUT_MS));
        if (!response.hasBody()) {
            return Set.of();
        }
        return RemotingJson.decode(response.body(), LockBatchResponseBody.class).lockOkMqSet();
    }

    /** UNLOCK_BATCH_MQ at one broker, oneway. */
    public CompletableFuture<Void> unlock(String group, String clientId, String brokerName, Set<MessageQueue> queues) {
        RemotingCommand request = RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ)
                .body(RemotingJson.encode(new UnlockBatchRequestBody(group, clientId, false, queues)))
                .build();
        try {
            return brokers.oneway(masterOf(brokerName), request);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A request to the queue's broker that must succeed, answered synchronously. */
    public RemotingCommand call(String brokerName, RemotingCommand request) {
        return brokers.call(masterOf(brokerName), request);
    }

    private long offset(RequestCode code, MessageQueue queue, CommandHeader header) {
        RemotingCommand response = brokers.call(replicas.forOffsets(queue).address(), request(code, header));
        return offsetOf(code, queue, response);
    }

    private static long offsetOf(RequestCode code, MessageQueue queue, RemotingCommand response) {
        if (response.code() != ResponseCode.SUCCESS.code()) {
            throw new ClientException(
                    code + " of " + queue + ": " + ResponseCode.nameOf(response.code()) + " " + response.remark(),
                    response.code(),
                    BrokerRpc.isRetriable(response.code()));
        }
        return response.decodeHeader(OffsetResponseHeader::decode).offset();
    }

    private static long suggestedBrokerId(RemotingCommand response) {
        String suggested = response.extField("suggestWhichBrokerId");
        try {
            return suggested == null ? Replica.MASTER_ID : Long.parseLong(suggested);
        } catch (NumberFormatException e) {
            return Replica.MASTER_ID;
        }
    }

    private static PullMessageRequestHeader withoutCommit(PullMessageRequestHeader header) {
        return new PullMessageRequestHeader(
                header.consumerGroup(),
                header.topic(),
                header.queueId(),
                header.queueOffset(),
                header.maxMsgNums(),
                PullSysFlag.clearCommitOffset(header.sysFlag()),
                header.commitOffset(),
                header.suspendTimeoutMillis(),
                header.subscription(),
                header.subVersion(),
                header.expressionType(),
                header.maxMsgBytes(),
                header.brokerName());
    }

    private static RemotingCommand request(RequestCode code, CommandHeader header) {
        return RemotingCommand.request(code).header(header).build();
    }
}
