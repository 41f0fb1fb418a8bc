package io.couriermq.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Defaults of the listener containers, under {@code courier.consumer.*}; annotation attributes override some
 * per listener.
 */
public class MQConsumerProperties {
    /** Listener threads per consumer group. */
    private int consumeThreads = 20;

    /** Messages handed to the listener threads and not finished, above which pulling pauses. */
    private int consumeBacklogLimit = 10_000;

    /** Messages asked for per pull. */
    private int pullBatchSize = 32;

    /** Unconsumed messages of one queue above which it is not pulled until it drains. */
    private int maxCachedMessagesPerQueue = 1_000;

    /** The same limit in body size. */
    private DataSize maxCachedSizePerQueue = DataSize.ofMegabytes(100);

    /**
     * Deliveries before a message goes to the dead-letter queue; -1 means 16 for concurrent listeners
     * and unlimited for orderly ones.
     */
    private int maxReconsumeTimes = -1;

    /** How often a group rebalances its queues (also at once when its members change). */
    private Duration rebalanceInterval = Duration.ofSeconds(20);

    /** How often consumed offsets are committed. */
    private Duration persistOffsetInterval = Duration.ofSeconds(5);

    /** How long stopping a listener waits for the calls in progress. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /** Directory of broadcasting consumers' offset files; ~/.courier_offsets by default. */
    private Path offsetStoreDir;

    /**
     * ACL access key of the listeners instead of courier.access-key (they then connect apart); a
     * listener's own accessKey attribute overrides it.
     */
    private String accessKey;

    /** ACL secret key of courier.consumer.access-key; never sent, logged or shown. */
    private String secretKey;

    private final LocalRetry localRetry = new LocalRetry();

    public int getConsumeThreads() {
        return consumeThreads;
    }

    public void setConsumeThreads(int consumeThreads) {
        this.consumeThreads = consumeThreads;
    }

    public int getConsumeBacklogLimit() {
        return consumeBacklogLimit;
    }

    public void setConsumeBacklogLimit(int consumeBacklogLimit) {
        this.consumeBacklogLimit = consumeBacklogLimit;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public int getMaxCachedMessagesPerQueue() {
        return maxCachedMessagesPerQueue;
    }

    public void setMaxCachedMessagesPerQueue(int maxCachedMessagesPerQueue) {
        this.maxCachedMessagesPerQueue = maxCachedMessagesPerQueue;
    }

    public DataSize getMaxCachedSizePerQueue() {
        return maxCachedSizePerQueue;
    }

    public void setMaxCachedSizePerQueue(DataSize maxCachedSizePerQueue) {
        this.maxCachedSizePerQueue = maxCachedSizePerQueue;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public Duration getRebalanceInterval() {
        return rebalanceInterval;
    }

    public void setRebalanceInterval(Duration rebalanceInterval) {
        this.rebalanceInterval = rebalanceInterval;
    }

    public Duration getPersistOffsetInterval() {
        return persistOffsetInterval;
    }

    public void setPersistOffsetInterval(Duration persistOffsetInterval) {
        this.persistOffsetInterval = persistOffsetInterval;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Path getOffsetStoreDir() {
        return offsetStoreDir;
    }

    public void setOffsetStoreDir(Path offsetStoreDir) {
        this.offsetStoreDir = offsetStoreDir;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public LocalRetry getLocalRetry() {
        return localRetry;
    }

    /**
     * In-process retries of a failed listener call before the message is sent back to the broker (which
     * then retries with its growing delays). Off unless max-attempts is above 1.
     */
    public static class LocalRetry {
        /** Calls of the listener per delivery, the first included; 1 turns local retries off. */
        private int maxAttempts = 1;

        /** Wait before the first local retry. */
        private Duration initialInterval = Duration.ofMillis(100);

        /** Factor applied to the wait after each local retry. */
        private double multiplier = 2.0;

        /** Longest wait between local retries. */
        private Duration maxInterval = Duration.ofSeconds(2);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }
}
