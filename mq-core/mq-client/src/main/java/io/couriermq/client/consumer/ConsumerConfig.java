package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.MessageModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link PushConsumer}; every one has a default except the group. Defaults follow the
 * official client where it has one (remoting-protocol §5.5).
 *
 * @param group the consumer group
 * @param messageModel CLUSTERING (the group shares the queues; default) or BROADCASTING (every instance
 *     gets every message; offsets kept in a local file)
 * @param consumeFromWhere where a group without a stored offset starts: last (default), first or a time
 * @param consumeTimestampMs the time for CONSUME_FROM_TIMESTAMP; -1 means 30 minutes before start
 * @param allocation how a clustering group splits queues (average by default)
 * @param consumeThreads threads of the listener pool (concurrent listeners)
 * @param consumeBatchMaxSize the most messages one call of a {@link BatchMessageListener} gets
 * @param consumeBacklogLimit messages handed to the pool and not finished yet above which no queue is
 *     pulled (back-pressure instead of an unbounded task queue)
 * @param pullBatchSize messages asked for per pull
 * @param maxCachedMessagesPerQueue a queue holding more unconsumed messages is not pulled until it drains
 * @param maxCachedBytesPerQueue the same limit in body bytes
 * @param maxReconsumeTimes deliveries after which a message goes to the dead-letter queue; -1 means 16
 *     for concurrent listeners and unlimited for orderly ones
 * @param suspendCurrentQueueMs pause of an orderly queue after SUSPEND
 * @param rebalanceIntervalMs periodic rebalance (also at once when the group changes)
 * @param persistOffsetIntervalMs how often committed offsets are written (broker or local file)
 * @param shutdownAwaitMs how long shutdown waits for listener calls in progress
 * @param offsetStoreDir root of the broadcasting offset files ({@code <dir>/<clientId>/<group>/offsets.json})
 * @param observer metrics and tracing hook
 */
public record ConsumerConfig(
        String group,
        MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere,
        long consumeTimestampMs,
        AllocationStrategy allocation,
        int consumeThreads,
        int consumeBatchMaxSize,
        int consumeBacklogLimit,
        int pullBatchSize,
        int maxCachedMessagesPerQueue,
        long maxCachedBytesPerQueue,
        int maxReconsumeTimes,
        long suspendCurrentQueueMs,
        long rebalanceIntervalMs,
        long persistOffsetIntervalMs,
        long shutdownAwaitMs,
        Path offsetStoreDir,
        ConsumeObserver observer) {

    public ConsumerConfig {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("consumer group must not be blank");
        }
        Objects.requireNonNull(messageModel, "messageModel");
        Objects.requireNonNull(consumeFromWhere, "consumeFromWhere");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(offsetStoreDir, "offsetStoreDir");
        Objects.requireNonNull(observer, "observer");
        positive("consumeThreads", consumeThreads);
        if (consumeBatchMaxSize < 1 || consumeBatchMaxSize > 1024) {
            throw new IllegalArgumentException("consumeBatchMaxSize must be 1..1024, was " + consumeBatchMaxSize);
        }
        positive("consumeBacklogLimit", consumeBacklogLimit);
        if (pullBatchSize < 1 || pullBatchSize > 1024) {
            throw new IllegalArgumentException("pullBatchSize must be 1..1024, was " + pullBatchSize);
        }
        positive("maxCachedMessagesPerQueue", maxCachedMessagesPerQueue);
        positive("maxCachedBytesPerQueue", maxCachedBytesPerQueue);
        if (maxReconsumeTimes < -1) {
            throw new IllegalArgumentException(
                    "maxReconsumeTimes must be -1 (default) or more, was " + maxReconsumeTimes);
        }
        positive("suspendCurrentQueueMs", suspendCurrentQueueMs);
        positive("rebalanceIntervalMs", rebalanceIntervalMs);
        positive("persistOffsetIntervalMs", persistOffsetIntervalMs);
        if (shutdownAwaitMs < 0) {
            throw new IllegalArgumentException("shutdownAwaitMs must not be negative, was " + shutdownAwaitMs);
        }
    }

    public static Builder builder(String group) {
        return new Builder(group);
    }

    /** The limit for concurrent listeners: 16 unless set. */
    public int concurrentMaxReconsumeTimes() {
        return maxReconsumeTimes == -1 ? 16 : maxReconsumeTimes;
    }

    /** The limit for orderly listeners: unlimited unless set. */
    public int orderlyMaxReconsumeTimes() {
        return maxReconsumeTimes == -1 ? Integer.MAX_VALUE : maxReconsumeTimes;
    }

    public boolean isBroadcasting() {
        return messageModel == MessageModel.BROADCASTING;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Builds a {@link ConsumerConfig}. */
    public static final class Builder {
        private final String group;
        private MessageModel messageModel = MessageModel.CLUSTERING;
        private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
        private long consumeTimestampMs = -1;
        private AllocationStrategy allocation = AllocationStrategy.average();
        private int consumeThreads = 20;
        private int consumeBatchMaxSize = 32;
        private int consumeBacklogLimit = 10_000;
        private int pullBatchSize = 32;
        private int maxCachedMessagesPerQueue = 1_000;
        private long maxCachedBytesPerQueue = 100L << 20;
        private int maxReconsumeTimes = -1;
        private long suspendCurrentQueueMs = 1_000;
        private long rebalanceIntervalMs = 20_000;
        private long persistOffsetIntervalMs = 5_000;
        private long shutdownAwaitMs = 30_000;
        private Path offsetStoreDir = Path.of(System.getProperty("user.home"), ".courier_offsets");
        private ConsumeObserver observer = ConsumeObserver.NONE;

        private Builder(String group) {
            this.group = group;
        }

        public Builder messageModel(MessageModel messageModel) {
            this.messageModel = messageModel;
            return this;
        }

        public Builder broadcasting() {
            return messageModel(MessageModel.BROADCASTING);
        }

        public Builder consumeFromWhere(ConsumeFromWhere consumeFromWhere) {
            this.consumeFromWhere = consumeFromWhere;
            return this;
        }

        /** CONSUME_FROM_TIMESTAMP at {@code timestampMs}. */
        public Builder consumeFromTimestamp(long timestampMs) {
            this.consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_TIMESTAMP;
            this.consumeTimestampMs = timestampMs;
            return this;
        }

        public Builder allocation(AllocationStrategy allocation) {
            this.allocation = allocation;
            return this;
        }

        public Builder consumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
            return this;
        }

        public Builder consumeBatchMaxSize(int consumeBatchMaxSize) {
            this.consumeBatchMaxSize = consumeBatchMaxSize;
            return this;
        }

        public Builder consumeBacklogLimit(int consumeBacklogLimit) {
            this.consumeBacklogLimit = consumeBacklogLimit;
            return this;
        }

        public Builder pullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
            return this;
        }

        public Builder maxCachedMessagesPerQueue(int maxCachedMessagesPerQueue) {
            this.maxCachedMessagesPerQueue = maxCachedMessagesPerQueue;
            return this;
        }

        public Builder maxCachedBytesPerQueue(long maxCachedBytesPerQueue) {
            this.maxCachedBytesPerQueue = maxCachedBytesPerQueue;
            return this;
        }

        public Builder maxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
            return this;
        }

        public Builder suspendCurrentQueueMs(long suspendCurrentQueueMs) {
            this.suspendCurrentQueueMs = suspendCurrentQueueMs;
            return this;
        }

        public Builder rebalanceIntervalMs(long rebalanceIntervalMs) {
            this.rebalanceIntervalMs = rebalanceIntervalMs;
            return this;
        }

        public Builder persistOffsetIntervalMs(long persistOffsetIntervalMs) {
            this.persistOffsetIntervalMs = persistOffsetIntervalMs;
            return this;
        }

        public Builder shutdownAwaitMs(long shutdownAwaitMs) {
            this.shutdownAwaitMs = shutdownAwaitMs;
            return this;
        }

        public Builder offsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = offsetStoreDir;
            return this;
        }

        public Builder observer(ConsumeObserver observer) {
            this.observer = observer;
            return this;
        }

        public ConsumerConfig build() {
            return new ConsumerConfig(
                    group,
                    messageModel,
                    consumeFromWhere,
                    consumeTimestampMs,
                    allocation,
                    consumeThreads,
                    consumeBatchMaxSize,
                    consumeBacklogLimit,
                    pullBatchSize,
                    maxCachedMessagesPerQueue,
                    maxCachedBytesPerQueue,
                    maxReconsumeTimes,
                    suspendCurrentQueueMs,
                    rebalanceIntervalMs,
                    persistOffsetIntervalMs,
                    shutdownAwaitMs,
                    offsetStoreDir,
                    observer);
        }
    }
}
