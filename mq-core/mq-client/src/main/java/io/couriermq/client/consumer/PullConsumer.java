package io.couriermq.client.consumer;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.internal.BrokerOffsetStore;
import io.couriermq.client.consumer.internal.ConsumerRequests;
import io.couriermq.client.consumer.internal.ConsumerThreads;
import io.couriermq.client.consumer.internal.PeriodicTask;
import io.couriermq.client.consumer.internal.Prefetcher;
import io.couriermq.client.consumer.internal.QueueAllocator;
import io.couriermq.client.consumer.internal.RunningInfoReport;
import io.couriermq.client.consumer.internal.StartOffsets;
import io.couriermq.client.consumer.internal.Subscriptions;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.internal.ConsumerMembership;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer the application pulls from: {@link #subscribe} (the group's queues are shared among its
 * members by rebalancing) or {@link #assign} (exactly these queues, no rebalance), then {@link #poll}.
 * Messages are read ahead by long-polling pulls into a bounded buffer per queue, so a poll returns as soon
 * as anything is there. The position of a queue is the offset after the last message polled; {@link
 * #commitSync()} / {@link #commitAsync()} store positions as the group's offsets on the brokers (and
 * auto-commit does so periodically when enabled). No retry topic, no send-back: what to do with a message
 * that failed is the application's choice (e.g. {@link #seek}).
 *
 * <p>{@code poll}, {@code seek} and the commit methods may be called from any thread.
 */
public final class PullConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PullConsumer.class);

    private final ClientRuntime runtime;
    private final boolean ownsRuntime;
    private final PullConsumerConfig config;
    private final ConsumerRequests requests;
    private final BrokerOffsetStore offsets;
    private final StartOffsets startOffsets;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ExecutorService callbacks;
    private final Prefetcher prefetcher;
    private final PeriodicTask autoCommit;
    private final PeriodicTask rebalancer;
    private final Map<String, SubscriptionData> assignedTopics = new ConcurrentHashMap<>();
    private final long startMs;
    private volatile boolean subscribed;
    private volatile boolean closed;

    private PullConsumer(ClientRuntime runtime, boolean ownsRuntime, PullConsumerConfig config) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.config = config;
        this.startMs = runtime.clock().millis();
        this.requests = new ConsumerRequests(runtime.brokers(), runtime.routes());
        this.offsets = new BrokerOffsetStore(config.group(), requests);
        this.startOffsets = new StartOffsets(offsets, requests, config.consumeFromWhere(), runtime.clock()::millis);
        this.callbacks = Executors.newSingleThreadExecutor(ConsumerThreads.named("courier-poll-" + config.group()));
        this.prefetcher = new Prefetcher(
                config.group(),
                config.pullBatchSize(),
                config.maxBufferedMessagesPerQueue(),
                requests,
                this::subscriptionOf,
                runtime.timers(),
                callbacks);
        this.autoCommit = new PeriodicTask(
                "courier-autocommit-" + config.group(), config.autoCommitIntervalMs(), this::commitQuietly);
        this.rebalancer =
                new PeriodicTask("courier-rebalance-" + config.group(), config.rebalanceIntervalMs(), this::rebalance);
        if (config.autoCommit()) {
            autoCommit.start();
        }
    }

    public static PullConsumer create(ClientRuntime runtime, PullConsumerConfig config) {
        return new PullConsumer(runtime, false, config);
    }

    /** A consumer with its own runtime for {@code client}, closed with the consumer. */
    public static PullConsumer create(ClientConfig client, PullConsumerConfig config) {
        return new PullConsumer(ClientRuntime.start(client), true, config);
    }

    /** The readable queues of {@code topic} (for {@link #assign}). */
    public List<MessageQueue> queuesOf(String topic) {
        return BrokerRpc.join(runtime.routes().route(topic)).readQueues();
    }

    /**
     * Joins the group for {@code topic} with a TAG expression: its queues are shared with the group's
     * other members and rebalanced every {@code rebalanceIntervalMs} and when members change.
     */
    public synchronized PullConsumer subscribe(String topic, String tagExpression) {
        if (!assignedTopics.isEmpty()) {
            throw new IllegalStateException("this consumer uses assign(); subscribe and assign do not mix");
        }
        subscriptions.subscribeTags(topic, tagExpression, runtime.clock().millis());
        BrokerRpc.join(runtime.routes().route(topic));
        if (!subscribed) {
            subscribed = true;
            runtime.members().addConsumer(config.group(), membership());
            runtime.heartbeats().sendToAll().join();
            rebalancer.start();
        } else {
            runtime.heartbeats().sendToAll().join();
            rebalancer.wakeUp();
        }
        return this;
    }

    /**
     * Reads exactly {@code queues} with the expression {@code *} (replacing any earlier assignment; no
     * rebalance). Each starts at the group's committed offset, else per consumeFromWhere.
     */
    public synchronized void assign(Collection<MessageQueue> queues) {
        assign(queues, "*");
    }

    /** Like {@link #assign(Collection)} with a TAG expression applied to every queue. */
    public synchronized void assign(Collection<MessageQueue> queues, String tagExpression) {
        if (subscribed) {
            throw new IllegalStateException("this consumer uses subscribe(); subscribe and assign do not mix");
        }
        Set<MessageQueue> wanted = new LinkedHashSet<>(queues);
        for (MessageQueue queue : prefetcher.queues()) {
            if (!wanted.contains(queue)) {
                prefetcher.remove(queue);
            }
        }
        for (MessageQueue queue : wanted) {
            assignedTopics.computeIfAbsent(
                    queue.topic(),
                    topic -> Subscriptions.tags(
                            topic, tagExpression, runtime.clock().millis()));
            BrokerRpc.join(runtime.routes().route(queue.topic()));
            if (prefetcher.position(queue) < 0) {
                prefetcher.add(queue, startOffsets.of(queue));
            }
        }
    }

    public Set<MessageQueue> assignment() {
        return prefetcher.queues();
    }

    /** Up to maxPollMessages messages from the assigned queues; waits up to {@code timeout} for the first. */
    public List<ReceivedMessage> poll(Duration timeout) {
        try {
            return prefetcher.poll(timeout, config.maxPollMessages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The offset of the next message {@link #poll} returns from {@code queue}. */
    public long position(MessageQueue queue) {
        long position = prefetcher.position(queue);
        if (position < 0) {
            throw new IllegalStateException(queue + " is not assigned to this consumer");
        }
        return position;
    }

    public void seek(MessageQueue queue, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        prefetcher.seek(queue, offset);
    }

    public void seekToBeginning(MessageQueue queue) {
        prefetcher.seek(queue, requests.minOffset(queue));
    }

    public void seekToEnd(MessageQueue queue) {
        prefetcher.seek(queue, requests.maxOffset(queue));
    }

    /** The first offset of {@code queue} stored at or after {@code timestampMs} (its end when all are older). */
    public long offsetForTimestamp(MessageQueue queue, long timestampMs) {
        return requests.searchOffset(queue, timestampMs);
    }

    /** The group's committed offset of {@code queue} on its broker, if any. */
    public OptionalLong committed(MessageQueue queue) {
        long offset = requests.queryOffset(config.group(), queue, true);
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Commits the positions of every assigned queue and waits for the brokers' answers. */
    public void commitSync() {
        BrokerRpc.join(commitAsync());
    }

    /** Commits the positions of every assigned queue; the future completes when every broker answered. */
    public CompletableFuture<Void> commitAsync() {
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        prefetcher.positions().forEach((queue, position) -> {
            if (position != offsets.readMemory(queue)) {
                commits.add(requests.updateOffset(config.group(), queue, position, false)
                        .thenRun(() -> offsets.update(queue, position, false)));
            }
        });
        return CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new));
    }

    /** Commits (when auto-commit is on), leaves the group and stops reading. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        autoCommit.shutdown();
        rebalancer.shutdown();
        if (config.autoCommit()) {
            commitQuietly();
        }
        prefetcher.close();
        if (subscribed) {
            runtime.members().removeConsumer(config.group());
            runtime.heartbeats().unregister(runtime.clientId(), null, config.group());
        }
        callbacks.shutdownNow();
        if (ownsRuntime) {
            runtime.close();
        }
    }

    private void commitQuietly() {
        try {
            commitSync();
        } catch (ClientException e) {
            log.warn("group {}: commit failed: {}", config.group(), e.getMessage());
        }
    }

    private SubscriptionData subscriptionOf(String topic) {
        SubscriptionData subscription = subscriptions.get(topic);
        if (subscription == null) {
            subscription = assignedTopics.get(topic);
        }
        return subscription != null ? subscription : Subscriptions.tags(topic, "*", 0);
    }

    private void rebalance() {
        if (closed) {
            return;
        }
        QueueAllocator allocator = new QueueAllocator(
                config.group(),
                runtime.clientId(),
                MessageModel.CLUSTERING,
                config.allocation(),
                runtime.routes(),
                requests);
        for (String topic : subscriptions.topics()) {
            Optional<Set<MessageQueue>> target = allocator.allocate(topic);
            if (target.isPresent()) {
                apply(topic, target.get());
            }
        }
    }

    private void apply(String topic, Set<MessageQueue> target) {
        Set<MessageQueue> current = new HashSet<>();
        prefetcher.queues().stream()
                .filter(queue -> queue.topic().equals(topic))
                .forEach(current::add);
        for (MessageQueue queue : current) {
            if (!target.contains(queue)) {
                long position = prefetcher.remove(queue);
                if (config.autoCommit() && position >= 0) {
                    requests.updateOffset(config.group(), queue, position, true);
                }
                offsets.remove(queue);
            }
        }
        for (MessageQueue queue : target) {
            if (!current.contains(queue)) {
                try {
                    prefetcher.add(queue, startOffsets.of(queue));
                } catch (ClientException e) {
                    log.warn(
                            "group {}: start offset of {} unknown, next round: {}",
                            config.group(),
                            queue,
                            e.getMessage());
                }
            }
        }
        if (!current.equals(target)) {
            log.info("group {} rebalanced {}: now {}", config.group(), topic, target);
        }
    }

    private ConsumerMembership membership() {
        return new ConsumerMembership() {
            @Override
            public ConsumerData consumerData() {
                return new ConsumerData(
                        config.group(),
                        ConsumeType.CONSUME_ACTIVELY,
                        MessageModel.CLUSTERING,
                        config.consumeFromWhere(),
                        new LinkedHashSet<>(subscriptions.all()),
                        false);
            }

            @Override
            public void onConsumerIdsChanged() {
                rebalancer.wakeUp();
            }

            @Override
            public ConsumerRunningInfo runningInfo() {
                return RunningInfoReport.pullConsumer(
                        runtime.config(), config.group(), startMs, subscriptions.all(), prefetcher.queues(), offsets);
            }

            @Override
            public Map<MessageQueue, Long> offsets(String topic) {
                Map<MessageQueue, Long> ofTopic = new TreeMap<>();
                offsets.snapshot().forEach((queue, offset) -> {
                    if (queue.topic().equals(topic)) {
                        ofTopic.put(queue, offset);
                    }
                });
                return ofTopic;
            }

            @Override
            public void resetOffsets(String topic, Map<MessageQueue, Long> table) {
                resetPositions(topic, table);
            }
        };
    }

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: the queues of {@code topic} read here that the table names continue
     * from its offsets (read-ahead discarded, as by {@link #seek}), and the offsets are committed.
     */
    private void resetPositions(String topic, Map<MessageQueue, Long> table) {
        Set<MessageQueue> held = prefetcher.queues();
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        table.forEach((queue, offset) -> {
            if (queue.topic().equals(topic) && held.contains(queue) && offset >= 0) {
                prefetcher.seek(queue, offset);
                offsets.update(queue, offset, false);
                commits.add(requests.updateOffset(config.group(), queue, offset, false));
            }
        });
        try {
            BrokerRpc.join(CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)));
            log.info("group {}: positions of {} reset to {}", config.group(), topic, table);
        } catch (ClientException e) {
            log.warn("group {}: reset positions of {} not all committed: {}", config.group(), topic, e.getMessage());
        }
    }
}
