package io.couriermq.broker.processor;

import io.couriermq.broker.admin.PulledOffsets;
import io.couriermq.broker.filter.FilterRefusal;
import io.couriermq.broker.filter.SubscriptionFilters;
import io.couriermq.broker.longpolling.HeldPull;
import io.couriermq.broker.longpolling.PullHoldService;
import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.broker.pull.PullOutcome;
import io.couriermq.broker.pull.ReplicaReadAdvice;
import io.couriermq.broker.pull.SubscriptionLookup;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * PULL_MESSAGE and LITE_PULL_MESSAGE: read a queue from an offset through the subscription's filter
 * (tag hashes, or a SQL92 expression on each record's properties) and answer with the stored records themselves (zero-copy slices, released after the write).
 * A pull that finds nothing new is held (long polling) until a message arrives or its suspend time
 * passes, then runs once more and is answered whatever it finds.
 */
public final class PullMessageProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE);

    /** Held pulls are answered before the client's own 30 s timeout, whatever suspend time it asks for. */
    private static final long MAX_SUSPEND_MS = 25_000;

    private final TopicConfigManager topics;
    private final SubscriptionLookup subscriptions;
    private final MessageStore store;
    private final ConsumerOffsetManager offsets;
    private final PullHoldService holds;
    private final Clock clock;
    private final BrokerObserver observer;
    private final PulledOffsets pulledOffsets;
    private final SubscriptionFilters filters;
    private final ReplicaReadAdvice replicas;

    public PullMessageProcessor(
            TopicConfigManager topics,
            SubscriptionLookup subscriptions,
            MessageStore store,
            ConsumerOffsetManager offsets,
            PullHoldService holds,
            Clock clock,
            BrokerObserver observer,
            PulledOffsets pulledOffsets,
            SubscriptionFilters filters,
            ReplicaReadAdvice replicas) {
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.store = store;
        this.offsets = offsets;
        this.holds = holds;
        this.clock = clock;
        this.observer = observer;
        this.pulledOffsets = pulledOffsets;
        this.filters = filters;
        this.replicas = replicas;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        return execute(context, request, true, System.nanoTime());
    }

    private RemotingCommand execute(
            RequestContext context, RemotingCommand request, boolean firstRun, long startNanos) {
        PullMessageRequestHeader header = request.decodeHeader(PullMessageRequestHeader::decode);
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            return error(
                    request,
                    ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + header.topic() + "] not exist, apply first please!");
        }
        if (!Permission.isReadable(topic.get().perm())) {
            return error(
                    request,
                    ResponseCode.NO_PERMISSION,
                    "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        if (header.queueId() < 0 || header.queueId() >= topic.get().readQueueNums()) {
            return error(
                    request,
                    ResponseCode.SYSTEM_ERROR,
                    "queueId[" + header.queueId() + "] is illegal, topic:[" + header.topic()
                            + "] topicConfig.readQueueNums:[" + topic.get().readQueueNums() + "]");
        }
        if (replicas.sendBackToMaster()) {
            // RocketMQ's answer from a slave without slave reads: try again, at the master
            return RemotingCommand.responseTo(request, ResponseCode.PULL_RETRY_IMMEDIATELY)
                    .header(PullMessageResponseHeader.of(
                            0,
                            header.queueOffset(),
                            store.minOffset(header.topic(), header.queueId()),
                            store.maxOffset(header.topic(), header.queueId())))
                    .build();
        }
        MessageFilter filter;
        try {
            filter = filters.forPull(header.consumerGroup(), subscriptionOf(header));
        } catch (PullRefusal refusal) {
            return error(request, refusal.code, refusal.getMessage());
        } catch (FilterRefusal refusal) {
            return error(request, refusal.code(), refusal.getMessage());
        }
        // a slave takes no commits on pulls: they would go stale at the next copy from the master
        if (firstRun
                && !replicas.isSlave()
                && PullSysFlag.hasCommitOffset(header.sysFlag())
                && header.commitOffset() >= 0) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        }
        GetResult result =
                store.getMessages(header.topic(), header.queueId(), header.queueOffset(), header.maxMsgNums(), filter);
        PullOutcome outcome = PullOutcome.of(result, header.queueOffset());
        if (outcome.code() == ResponseCode.PULL_NOT_FOUND && firstRun && PullSysFlag.hasSuspend(header.sysFlag())) {
            result.close();
            hold(context, request, header, startNanos);
            return null;
        }
        if (outcome.code() == ResponseCode.SUCCESS) {
            pulledOffsets.record(header.consumerGroup(), header.topic(), header.queueId(), outcome.nextBeginOffset());
            observer.onMessagesPulled(
                    header.consumerGroup(),
                    header.topic(),
                    result.messageCount(),
                    result.totalSizeBytes(),
                    System.nanoTime() - startNanos);
        }
        return respond(request, result, outcome);
    }

    private void hold(
            RequestContext context, RemotingCommand request, PullMessageRequestHeader header, long startNanos) {
        long suspendMs = Math.min(Math.max(header.suspendTimeoutMillis(), 0), MAX_SUSPEND_MS);
        holds.hold(new HeldPull(
                header.topic(),
                header.queueId(),
                header.queueOffset(),
                clock.millis() + suspendMs,
                () -> context.respond(execute(context, request, false, startNanos))));
        // A message dispatched between our read and the hold would otherwise wait for the deadline.
        long maxOffset = store.maxOffset(header.topic(), header.queueId());
        if (maxOffset > header.queueOffset()) {
            holds.messageArrived(header.topic(), header.queueId(), maxOffset - 1);
        }
    }

    private RemotingCommand respond(RemotingCommand request, GetResult result, PullOutcome outcome) {
        List<RecordSlice> records = result.records();
        long lastRead = records.isEmpty() ? -1 : records.get(records.size() - 1).commitLogOffset();
        RemotingCommand.Builder response = RemotingCommand.responseTo(request, outcome.code())
                .header(PullMessageResponseHeader.of(
                        replicas.suggestAfterRead(lastRead),
                        outcome.nextBeginOffset(),
                        result.minOffset(),
                        result.maxOffset()));
        if (outcome.code() == ResponseCode.SUCCESS) {
            List<ByteBuffer> buffers =
                    result.records().stream().map(RecordSlice::buffer).toList();
            return response.bufferBody(new BufferBody(buffers, result::close)).build();
        }
        result.close();
        return response.build();
    }

    private SubscriptionData subscriptionOf(PullMessageRequestHeader header) {
        if (PullSysFlag.hasSubscription(header.sysFlag())) {
            return filters.fromPullHeader(
                    header.topic(), header.expressionType(), header.subscription(), header.subVersion());
        }
        SubscriptionData registered = subscriptions
                .find(header.consumerGroup(), header.topic())
                .orElseThrow(() -> new PullRefusal(
                        ResponseCode.SUBSCRIPTION_NOT_EXIST,
                        "consumer group " + header.consumerGroup() + " has no subscription to " + header.topic()
                                + "; it must send a heartbeat first"));
        if (registered.subVersion() < header.subVersion()) {
            throw new PullRefusal(
                    ResponseCode.SUBSCRIPTION_NOT_LATEST,
                    "the subscription of " + header.consumerGroup() + " to " + header.topic() + " is not the latest");
        }
        return registered;
    }

    private static RemotingCommand error(RemotingCommand request, ResponseCode code, String remark) {
        return RemotingCommand.responseTo(request, code).remark(remark).build();
    }

    /** A pull refused before reading: the code and remark the consumer gets. */
    private static final class PullRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ResponseCode code;

        PullRefusal(ResponseCode code, String message) {
            super(message);
            this.code = code;
        }
    }
}
