package io.couriermq.client.consumer;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.internal.AssignedQueues;
import io.couriermq.client.consumer.internal.BrokerOffsetStore;
import io.couriermq.client.consumer.internal.ConcurrentConsumeService;
import io.couriermq.client.consumer.internal.ConsumeService;
import io.couriermq.client.consumer.internal.ConsumeStatsRecorder;
import io.couriermq.client.consumer.internal.ConsumerLag;
import io.couriermq.client.consumer.internal.ConsumerRequests;
import io.couriermq.client.consumer.internal.ConsumerThreads;
import io.couriermq.client.consumer.internal.DirectConsume;
import io.couriermq.client.consumer.internal.LocalFileOffsetStore;
import io.couriermq.client.consumer.internal.MessageSendBack;
import io.couriermq.client.consumer.internal.OffsetStore;
import io.couriermq.client.consumer.internal.OrderlyConsumeService;
import io.couriermq.client.consumer.internal.PeriodicTask;
import io.couriermq.client.consumer.internal.ProcessQueue;
import io.couriermq.client.consumer.internal.PullLoop;
import io.couriermq.client.consumer.internal.PushConsumerMembership;
import io.couriermq.client.consumer.internal.PushRebalance;
import io.couriermq.client.consumer.internal.QueueAllocator;
import io.couriermq.client.consumer.internal.QueueLocks;
import io.couriermq.client.consumer.internal.RetryMessageSender;
import io.couriermq.client.consumer.internal.RunningInfoReport;
import io.couriermq.client.consumer.internal.StartOffsets;
import io.couriermq.client.consumer.internal.Subscriptions;
import io.couriermq.client.internal.ConsumerMembership;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer the broker pushes to (by long-polling pulls): subscribe, start, and the listener is called
 * for every message; offsets are committed as messages are consumed. Clustering groups share the queues
 * (rebalanced every 20 s and at once when members change); broadcasting instances each get every
 * message. Build one per group and runtime with {@link #create}; {@link #close()} shuts it down
 * gracefully (finishes listener calls in progress, then commits).
 */
public final class PushConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushConsumer.class);
    private static final long LOCAL_RETRY_DELAY_MS = 5_000;
    private static final long DEFAULT_TIMESTAMP_LOOKBACK_MS = 30 * 60_000;
    private static final long INCOMPLETE_RETRY_FIRST_MS = 250;
    private static final long INCOMPLETE_RETRY_MAX_MS = 5_000;

    private final ClientRuntime runtime;
    private final boolean ownsRuntime;
    private final ConsumerConfig config;
    private final Subscriptions subscriptions = new Subscriptions();
    private final AssignedQueues assigned = new AssignedQueues();
    private final OffsetStore offsets;
    private final ConsumeService consume;
    private final QueueLocks locks;
    private final ExecutorService pullCallbacks;
    private final PullLoop pulls;
    private final PushRebalance rebalance;
    private final PeriodicTask rebalancer;
    private final PeriodicTask offsetPersister;
    private final PeriodicTask lockRefresher;
    private final ConsumerLag lag;
    private final boolean orderly;
    private final ConsumeStatsRecorder stats;
    private final DirectConsume directConsume;
    private final long startMs;
    private volatile boolean started;
    /** Back-off of early rebalance rounds while a topic cannot be placed; 0 when the last round placed all. */
    private volatile long incompleteRetryMs;

    private volatile boolean closed;

    private PushConsumer(ClientRuntime runtime, boolean ownsRuntime, ConsumerConfig config, Object listener) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.config = config;
        this.startMs = runtime.clock().millis();
        String group = config.group();
        boolean orderly = listener instanceof OrderlyMessageListener;
        this.orderly = orderly;
        this.stats = new ConsumeStatsRecorder(group, runtime.clock());
        ConsumeObserver observer = stats.alongside(config.observer());
        this.directConsume = orderly
                ? DirectConsume.orderly(group, (OrderlyMessageListener) listener, config.suspendCurrentQueueMs())
                : DirectConsume.concurrent(group, batchListenerOf(listener));
        ConsumerRequests requests = new ConsumerRequests(runtime.brokers(), runtime.routes());
        this.offsets = config.isBroadcasting()
                ? new LocalFileOffsetStore(
                        config.offsetStoreDir(), runtime.config().clientId(), group)
                : new BrokerOffsetStore(group, requests);
        RetryMessageSender retrySender = new RetryMessageSender(requests, runtime.clock());
        this.locks = orderly && !config.isBroadcasting()
                ? new QueueLocks(group, runtime.clientId(), requests, assigned, runtime.clock())
                : null;
        this.consume = orderly
                ? new OrderlyConsumeService(
                        group,
                        (OrderlyMessageListener) listener,
                        offsets,
                        retrySender,
                        observer,
                        runtime.timers(),
                        runtime.clock(),
                        config.consumeThreads(),
                        config.orderlyMaxReconsumeTimes(),
                        config.suspendCurrentQueueMs(),
                        locks == null ? Long.MAX_VALUE : QueueLocks.EXPIRY_MS)
                : new ConcurrentConsumeService(
                        group,
                        config.isBroadcasting(),
                        batchListenerOf(listener),
                        listener instanceof BatchMessageListener ? config.consumeBatchMaxSize() : 1,
                        offsets,
                        new MessageSendBack(group, config.concurrentMaxReconsumeTimes(), requests, retrySender),
                        observer,
                        runtime.timers(),
                        config.consumeThreads(),
                        config.consumeBacklogLimit(),
                        LOCAL_RETRY_DELAY_MS);
        this.pullCallbacks = Executors.newSingleThreadExecutor(ConsumerThreads.named("courier-pull-" + group));
        this.rebalancer = new PeriodicTask("courier-rebalance-" + group, config.rebalanceIntervalMs(), this::rebalance);
        this.pulls = new PullLoop(
                new PullLoop.PullSettings(
                        group,
                        !config.isBroadcasting(),
                        locks != null,
                        config.pullBatchSize(),
                        config.maxCachedMessagesPerQueue(),
                        config.maxCachedBytesPerQueue(),
                        observer),
                subscriptions,
                requests,
                offsets,
                consume,
                assigned,
                rebalancer::wakeUp,
                runtime.timers(),
                pullCallbacks,
                runtime.clock());
        QueueAllocator allocator = new QueueAllocator(
                group, runtime.clientId(), config.messageModel(), config.allocation(), runtime.routes(), requests);
        StartOffsets startOffsets =
                new StartOffsets(offsets, requests, config.consumeFromWhere(), this::consumeTimestampMs);
        this.rebalance = new PushRebalance(
                group,
                subscriptions,
                allocator,
                assigned,
                startOffsets,
                offsets,
                locks,
                runtime.heartbeats(),
                pulls,
                runtime.clock());
        this.offsetPersister =
                new PeriodicTask("courier-offsets-" + group, config.persistOffsetIntervalMs(), this::persistOffsets);
        this.lockRefresher = locks == null
                ? null
                : new PeriodicTask("courier-locks-" + group, QueueLocks.REFRESH_INTERVAL_MS, locks::refreshAll);
        this.lag = new ConsumerLag(assigned, requests, runtime.config().requestTimeoutMs());
    }

    private static BatchMessageListener batchListenerOf(Object listener) {
        return listener instanceof BatchMessageListener batch
                ? batch
                : ConcurrentConsumeService.perMessage((ConcurrentMessageListener) listener);
    }

    /**
     * A consumer calling {@code listener} with up to {@link ConsumerConfig#consumeBatchMaxSize} messages at
     * a time, on a runtime the caller owns (and may share).
     */
    public static PushConsumer createBatch(
            ClientRuntime runtime, ConsumerConfig config, BatchMessageListener listener) {
        return new PushConsumer(runtime, false, config, listener);
    }

    /** A batch consumer with its own runtime for {@code client}, closed with the consumer. */
    public static PushConsumer createBatch(ClientConfig client, ConsumerConfig config, BatchMessageListener listener) {
        return new PushConsumer(ClientRuntime.start(client), true, config, listener);
    }

    /** A consumer with a concurrent listener on a runtime the caller owns (and may share). */
    public static PushConsumer create(
            ClientRuntime runtime, ConsumerConfig config, ConcurrentMessageListener listener) {
        return new PushConsumer(runtime, false, config, listener);
    }

    /** A consumer with an orderly listener on a runtime the caller owns (and may share). */
    public static PushConsumer createOrderly(
            ClientRuntime runtime, ConsumerConfig config, OrderlyMessageListener listener) {
        return new PushConsumer(runtime, false, config, listener);
    }

    /** A consumer with its own runtime for {@code client}, closed with the consumer. */
    public static PushConsumer create(ClientConfig client, ConsumerConfig config, ConcurrentMessageListener listener) {
        return new PushConsumer(ClientRuntime.start(client), true, config, listener);
    }

    /** An orderly consumer with its own runtime for {@code client}, closed with the consumer. */
    public static PushConsumer createOrderly(
            ClientConfig client, ConsumerConfig config, OrderlyMessageListener listener) {
        return new PushConsumer(ClientRuntime.start(client), true, config, listener);
    }

    /** Subscribes {@code topic} with a TAG expression: {@code *}, or tags joined by {@code ||}. */
    public PushConsumer subscribe(String topic, String tagExpression) {
        subscriptions.subscribeTags(topic, tagExpression, runtime.clock().millis());
        onSubscriptionChange(topic);
        return this;
    }

    /** Subscribes {@code topic} with a SQL92 expression over message properties; the broker filters. */
    public PushConsumer subscribeSql(String topic, String sql) {
        subscriptions.subscribeSql(topic, sql, runtime.clock().millis());
        onSubscriptionChange(topic);
        return this;
    }

    /** Registers the group, announces it to the brokers and starts rebalancing and pulling. */
    public synchronized PushConsumer start() {
        if (started) {
            throw new IllegalStateException("consumer of group " + config.group() + " already started");
        }
        if (subscriptions.topics().isEmpty()) {
            throw new IllegalStateException("consumer of group " + config.group() + " subscribes to nothing");
        }
        if (!config.isBroadcasting()) {
            subscriptions.subscribeTags(
                    StartOffsets.retryTopicOf(config.group()),
                    "*",
                    runtime.clock().millis());
        }
        runtime.members().addConsumer(config.group(), membership());
        for (String topic : subscriptions.topics()) {
            runtime.routes().route(topic).exceptionally(failure -> null).join();
        }
        runtime.heartbeats().sendToAll().join();
        started = true;
        rebalancer.start();
        offsetPersister.start();
        if (lockRefresher != null) {
            lockRefresher.start();
        }
        log.info(
                "push consumer {} of group {} started ({}, {})",
                runtime.clientId(),
                config.group(),
                config.messageModel(),
                locks != null ? "orderly" : "concurrent");
        return this;
    }

    /** The queues this instance consumes now (including the group's retry queue). */
    public Set<MessageQueue> assignment() {
        return assigned.all().stream().map(ProcessQueue::queue).collect(Collectors.toSet());
    }

    public ConsumerConfig config() {
        return config;
    }

    /**
     * Stops fetching messages without leaving the group: no new pull is issued for any assigned queue and
     * answers of pulls already at a broker are set aside unread, while the queue assignment, the messages
     * already taken in (they are still consumed and committed), heartbeats and rebalancing go on. Use it
     * for back-pressure from downstream, where closing would hand the queues to other members. Allowed
     * before {@link #start()}, which then pulls nothing until {@link #resume()}. Idempotent.
     */
    public void pause() {
        if (!pulls.isPaused()) {
            pulls.pause();
            log.info("push consumer {} of group {} paused", runtime.clientId(), config.group());
        }
    }

    /** Pulls every assigned queue again at once, each from where it stopped. Idempotent. */
    public void resume() {
        if (pulls.isPaused()) {
            pulls.resume();
            log.info("push consumer {} of group {} resumed", runtime.clientId(), config.group());
        }
    }

    public boolean isPaused() {
        return pulls.isPaused();
    }

    /** {@link #lag(boolean) lag(true)}: per queue, with max offsets fresh from the brokers. */
    public Map<MessageQueue, Long> lag() {
        return lag(true);
    }

    /**
     * Messages not consumed yet per assigned queue (the group's retry queue included): the broker's max
     * offset minus the offset this consumer is done with, never negative. With {@code refresh} every
     * queue's broker is asked its max offset now (waits up to the request timeout); without, the max
     * offsets last seen in pull answers are used, which go stale while paused or idle. A queue whose max
     * offset was never learned counts 0.
     */
    public Map<MessageQueue, Long> lag(boolean refresh) {
        return lag.perQueue(refresh);
    }

    /** The sum of {@link #lag(boolean) lag(true)}: how many messages this instance is behind. */
    public long totalLag() {
        return lag(true).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Stops pulling, waits up to {@code shutdownAwaitMs} for listener calls in progress, persists the
     * offsets, releases orderly locks, and leaves the group.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            rebalancer.shutdown();
            pulls.stop();
            consume.shutdown(config.shutdownAwaitMs());
            if (lockRefresher != null) {
                lockRefresher.shutdown();
            }
            offsetPersister.shutdown();
            persistOffsetsAndWait();
            rebalance.releaseAll();
            runtime.members().removeConsumer(config.group());
            runtime.heartbeats().unregister(runtime.clientId(), null, config.group());
        }
        pullCallbacks.shutdownNow();
        if (ownsRuntime) {
            runtime.close();
        }
        log.info("push consumer {} of group {} closed", runtime.clientId(), config.group());
    }

    private void rebalance() {
        if (closed) {
            return;
        }
        rebalance.run();
        if (rebalance.lastRoundComplete()) {
            incompleteRetryMs = 0;
            return;
        }
        // a topic without a route yet (no broker has it before its first send), or brokers that do not
        // list this member yet: announce the group to every broker now known and retry with a back-off,
        // rather than leave the topic unconsumed until the periodic round
        runtime.heartbeats().sendToAll();
        incompleteRetryMs = incompleteRetryMs == 0
                ? INCOMPLETE_RETRY_FIRST_MS
                : Math.min(incompleteRetryMs * 2, Math.min(INCOMPLETE_RETRY_MAX_MS, config.rebalanceIntervalMs()));
        try {
            runtime.timers().schedule(rebalancer::wakeUp, incompleteRetryMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("group {}: runtime closed, no early rebalance", config.group());
        }
    }

    private void persistOffsets() {
        try {
            offsets.persistAll();
        } catch (RuntimeException e) {
            log.warn("group {}: offsets not persisted: {}", config.group(), e.toString());
        }
    }

    private void persistOffsetsAndWait() {
        try {
            offsets.persistAllAndWait();
        } catch (RuntimeException e) {
            log.warn("group {}: offsets not persisted at shutdown: {}", config.group(), e.toString());
        }
    }

    private long consumeTimestampMs() {
        return config.consumeTimestampMs() >= 0 ? config.consumeTimestampMs() : startMs - DEFAULT_TIMESTAMP_LOOKBACK_MS;
    }

    private void onSubscriptionChange(String topic) {
        if (started) {
            runtime.routes().route(topic);
            runtime.heartbeats().sendToAll();
            rebalancer.wakeUp();
        }
    }

    private ConsumerMembership membership() {
        return new PushConsumerMembership(
                () -> new ConsumerData(
                        config.group(),
                        ConsumeType.CONSUME_PASSIVELY,
                        config.messageModel(),
                        config.consumeFromWhere(),
                        new LinkedHashSet<SubscriptionData>(subscriptions.all()),
                        false),
                () -> RunningInfoReport.pushConsumer(
                        runtime.config(), config, orderly, startMs, subscriptions.all(), assigned, offsets, stats),
                rebalancer::wakeUp,
                rebalance,
                offsets,
                directConsume);
    }
}
