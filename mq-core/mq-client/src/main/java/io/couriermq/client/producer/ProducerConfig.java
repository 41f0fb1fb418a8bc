package io.couriermq.client.producer;

/**
 * How a producer sends.
 *
 * @param group the producer group (transaction checks go to a live member of it)
 * @param sendTimeoutMs budget of one send including its retries
 * @param retries further attempts after a retriable failure, each to another broker when there is one
 * @param maxInFlight async sends waiting for an answer at most; further sends wait for a slot (at most
 *     the send timeout) instead of queueing without bound
 * @param compressThresholdBytes bodies at least this large are zlib-compressed (never batches)
 * @param maxMessageBytes largest body (or batch body) sent; larger ones are refused before sending
 * @param maxBatchBytes batches are split into requests of at most this many encoded bytes
 * @param defaultTopicQueues queues of a topic the broker auto-creates on first send
 * @param faultAvoidance avoid brokers that recently failed or were slow
 */
public record ProducerConfig(
        String group,
        long sendTimeoutMs,
        int retries,
        int maxInFlight,
        int compressThresholdBytes,
        int maxMessageBytes,
        int maxBatchBytes,
        int defaultTopicQueues,
        boolean faultAvoidance) {

    public ProducerConfig {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("producer group must not be blank");
        }
        if (sendTimeoutMs <= 0 || retries < 0 || maxInFlight <= 0 || compressThresholdBytes <= 0) {
            throw new IllegalArgumentException("invalid producer settings: sendTimeoutMs=" + sendTimeoutMs
                    + ", retries=" + retries + ", maxInFlight=" + maxInFlight + ", compressThresholdBytes="
                    + compressThresholdBytes);
        }
        if (maxMessageBytes <= 0 || maxBatchBytes <= 0 || defaultTopicQueues <= 0) {
            throw new IllegalArgumentException("invalid producer settings: maxMessageBytes=" + maxMessageBytes
                    + ", maxBatchBytes=" + maxBatchBytes + ", defaultTopicQueues=" + defaultTopicQueues);
        }
    }

    public static Builder builder(String group) {
        return new Builder(group);
    }

    /** Builds a {@link ProducerConfig}; every setting but the group has a default. */
    public static final class Builder {
        private final String group;
        private long sendTimeoutMs = 3_000;
        private int retries = 2;
        private int maxInFlight = 10_000;
        private int compressThresholdBytes = 4 * 1024;
        private int maxMessageBytes = 4 * 1024 * 1024;
        private int maxBatchBytes = 1024 * 1024;
        private int defaultTopicQueues = 4;
        private boolean faultAvoidance = true;

        private Builder(String group) {
            this.group = group;
        }

        public Builder sendTimeoutMs(long sendTimeoutMs) {
            this.sendTimeoutMs = sendTimeoutMs;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder compressThresholdBytes(int compressThresholdBytes) {
            this.compressThresholdBytes = compressThresholdBytes;
            return this;
        }

        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder maxBatchBytes(int maxBatchBytes) {
            this.maxBatchBytes = maxBatchBytes;
            return this;
        }

        public Builder defaultTopicQueues(int defaultTopicQueues) {
            this.defaultTopicQueues = defaultTopicQueues;
            return this;
        }

        public Builder faultAvoidance(boolean faultAvoidance) {
            this.faultAvoidance = faultAvoidance;
            return this;
        }

        public ProducerConfig build() {
            return new ProducerConfig(
                    group,
                    sendTimeoutMs,
                    retries,
                    maxInFlight,
                    compressThresholdBytes,
                    maxMessageBytes,
                    maxBatchBytes,
                    defaultTopicQueues,
                    faultAvoidance);
        }
    }
}
