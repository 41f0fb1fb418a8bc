package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import java.util.Objects;

/**
 * Settings of a {@link PullConsumer}.
 *
 * @param group the consumer group (offsets are committed under it)
 * @param consumeFromWhere where a queue without a committed offset starts (last by default)
 * @param allocation how subscribe mode splits queues among the group's members
 * @param pullBatchSize messages asked for per pull
 * @param maxBufferedMessagesPerQueue prefetched messages per queue above which the queue is not pulled
 *     until {@code poll} takes some
 * @param maxPollMessages most messages one {@code poll} returns
 * @param autoCommit commit the positions {@code poll} reached every {@code autoCommitIntervalMs} and at close
 * @param autoCommitIntervalMs see autoCommit
 * @param rebalanceIntervalMs subscribe mode: periodic rebalance (also at once when members change)
 */
public record PullConsumerConfig(
        String group,
        ConsumeFromWhere consumeFromWhere,
        AllocationStrategy allocation,
        int pullBatchSize,
        int maxBufferedMessagesPerQueue,
        int maxPollMessages,
        boolean autoCommit,
        long autoCommitIntervalMs,
        long rebalanceIntervalMs) {

    public PullConsumerConfig {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("consumer group must not be blank");
        }
        Objects.requireNonNull(consumeFromWhere, "consumeFromWhere");
        Objects.requireNonNull(allocation, "allocation");
        if (pullBatchSize < 1 || pullBatchSize > 1024) {
            throw new IllegalArgumentException("pullBatchSize must be 1..1024, was " + pullBatchSize);
        }
        if (maxBufferedMessagesPerQueue < pullBatchSize) {
            throw new IllegalArgumentException("maxBufferedMessagesPerQueue must be at least pullBatchSize");
        }
        if (maxPollMessages < 1 || autoCommitIntervalMs <= 0 || rebalanceIntervalMs <= 0) {
            throw new IllegalArgumentException("maxPollMessages and the intervals must be positive");
        }
    }

    public static Builder builder(String group) {
        return new Builder(group);
    }

    /** Builds a {@link PullConsumerConfig}. */
    public static final class Builder {
        private final String group;
        private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
        private AllocationStrategy allocation = AllocationStrategy.average();
        private int pullBatchSize = 32;
        private int maxBufferedMessagesPerQueue = 1_000;
        private int maxPollMessages = 500;
        private boolean autoCommit = true;
        private long autoCommitIntervalMs = 5_000;
        private long rebalanceIntervalMs = 20_000;

        private Builder(String group) {
            this.group = group;
        }

        public Builder consumeFromWhere(ConsumeFromWhere consumeFromWhere) {
            this.consumeFromWhere = consumeFromWhere;
            return this;
        }

        public Builder allocation(AllocationStrategy allocation) {
            this.allocation = allocation;
            return this;
        }

        public Builder pullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
            return this;
        }

        public Builder maxBufferedMessagesPerQueue(int maxBufferedMessagesPerQueue) {
            this.maxBufferedMessagesPerQueue = maxBufferedMessagesPerQueue;
            return this;
        }

        public Builder maxPollMessages(int maxPollMessages) {
            this.maxPollMessages = maxPollMessages;
            return this;
        }

        public Builder autoCommit(boolean autoCommit) {
            this.autoCommit = autoCommit;
            return this;
        }

        public Builder autoCommitIntervalMs(long autoCommitIntervalMs) {
            this.autoCommitIntervalMs = autoCommitIntervalMs;
            return this;
        }

        public Builder rebalanceIntervalMs(long rebalanceIntervalMs) {
            this.rebalanceIntervalMs = rebalanceIntervalMs;
            return this;
        }

        public PullConsumerConfig build() {
            return new PullConsumerConfig(
                    group,
                    consumeFromWhere,
                    allocation,
                    pullBatchSize,
                    maxBufferedMessagesPerQueue,
                    maxPollMessages,
                    autoCommit,
                    autoCommitIntervalMs,
                    rebalanceIntervalMs);
        }
    }
}
