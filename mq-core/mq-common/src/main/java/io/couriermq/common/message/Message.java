package io.couriermq.common.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable message as the broker hands it to the store: everything of the stored record except what
 * the store assigns (queue offset, commit-log offset, store time, body CRC).
 *
 * <p>The body is copied once, when the builder is given it, and exposed as a read-only view, so the
 * encoder can copy it into the commit log without another allocation. The builder's copies of body and
 * properties are handed to the message, not copied again: on the send path every copy is per message
 * (issue 15's profile of SEND_BATCH_MESSAGE counted five copies of each body and four of its properties).
 */
public final class Message {
    private static final InetSocketAddress UNKNOWN_HOST = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final String topic;
    private final int queueId;
    private final int flag;
    private final int sysFlag;
    private final byte[] body;
    private final Map<String, String> properties;
    private final long bornTimestampMs;
    private final InetSocketAddress bornHost;
    private final InetSocketAddress storeHost;
    private final int reconsumeTimes;
    private final long preparedTransactionOffset;

    private Message(Builder builder) {
        this.topic = Objects.requireNonNull(builder.topic, "topic");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (builder.queueId < 0) {
            throw new IllegalArgumentException("queueId must be >= 0, was " + builder.queueId + " for " + topic);
        }
        this.queueId = builder.queueId;
        this.flag = builder.flag;
        this.sysFlag = builder.sysFlag;
        this.body = builder.body;
        this.properties = Collections.unmodifiableMap(builder.shareProperties());
        this.bornTimestampMs = builder.bornTimestampMs;
        this.bornHost = Objects.requireNonNull(builder.bornHost, "bornHost");
        this.storeHost = Objects.requireNonNull(builder.storeHost, "storeHost");
        this.reconsumeTimes = builder.reconsumeTimes;
        this.preparedTransactionOffset = builder.preparedTransactionOffset;
    }

    public static Builder builder(String topic, int queueId) {
        return new Builder().topic(topic).queueId(queueId);
    }

    /** Hash of the TAGS property as consume-queue entries store it: {@code String.hashCode}, 0 without tags. */
    public static long tagsHashCode(String tags) {
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }

    public Builder toBuilder() {
        return new Builder()
                .topic(topic)
                .queueId(queueId)
                .flag(flag)
                .sysFlag(sysFlag)
                .body(body)
                .properties(properties)
                .bornTimestampMs(bornTimestampMs)
                .bornHost(bornHost)
                .storeHost(storeHost)
                .reconsumeTimes(reconsumeTimes)
                .preparedTransactionOffset(preparedTransactionOffset);
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public int flag() {
        return flag;
    }

    public int sysFlag() {
        return sysFlag;
    }

    /** A read-only view of the body; no copy. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    public int bodyLength() {
        return body.length;
    }

    /** A fresh copy of the body. */
    public byte[] bodyBytes() {
        return body.clone();
    }

    public Map<String, String> properties() {
        return properties;
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageConst.TAGS);
    }

    public long tagsHashCode() {
        return tagsHashCode(tags());
    }

    /** The business keys of the KEYS property, split on spaces; empty when there are none. */
    public List<String> keys() {
        return splitKeys(properties.get(MessageConst.KEYS));
    }

    public String uniqueKey() {
        return properties.get(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY);
    }

    public long bornTimestampMs() {
        return bornTimestampMs;
    }

    public InetSocketAddress bornHost() {
        return bornHost;
    }

    public InetSocketAddress storeHost() {
        return storeHost;
    }

    public int reconsumeTimes() {
        return reconsumeTimes;
    }

    public long preparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    public static List<String> splitKeys(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split(MessageConst.KEY_SEPARATOR))
                .filter(key -> !key.isEmpty())
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that
                && queueId == that.queueId
                && flag == that.flag
                && sysFlag == that.sysFlag
                && bornTimestampMs == that.bornTimestampMs
                && reconsumeTimes == that.reconsumeTimes
                && preparedTransactionOffset == that.preparedTransactionOffset
                && topic.equals(that.topic)
                && Arrays.equals(body, that.body)
                && properties.equals(that.properties)
                && bornHost.equals(that.bornHost)
                && storeHost.equals(that.storeHost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, queueId, flag, sysFlag, Arrays.hashCode(body), properties, bornTimestampMs);
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", queueId=" + queueId + ", bodyBytes=" + body.length + ", properties="
                + properties + "]";
    }

    /** Builds a {@link Message}; not thread-safe. */
    public static final class Builder {
        private String topic;
        private int queueId;
        private int flag;
        private int sysFlag;
        private byte[] body = new byte[0];
        private Map<String, String> properties = new LinkedHashMap<>();
        /** Whether a built message holds {@link #properties}, which must then be copied before a change. */
        private boolean propertiesShared;

        private long bornTimestampMs;
        private InetSocketAddress bornHost = UNKNOWN_HOST;
        private InetSocketAddress storeHost = UNKNOWN_HOST;
        private int reconsumeTimes;
        private long preparedTransactionOffset;

        private Builder() {}

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder queueId(int queueId) {
            this.queueId = queueId;
            return this;
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        public Builder sysFlag(int sysFlag) {
            this.sysFlag = sysFlag;
            return this;
        }

        /** The body: a copy of {@code body} is taken now. */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /** The body: a copy of {@code body}'s remaining bytes is taken now; its position is left alone. */
        public Builder body(ByteBuffer body) {
            byte[] copy = new byte[body.remaining()];
            body.get(body.position(), copy);
            this.body = copy;
            return this;
        }

        public Builder properties(Map<String, String> properties) {
            this.properties = new LinkedHashMap<>(properties);
            this.propertiesShared = false;
            return this;
        }

        public Builder property(String name, String value) {
            if (propertiesShared) {
                properties = new LinkedHashMap<>(properties);
                propertiesShared = false;
            }
            properties.put(name, value);
            return this;
        }

        public Builder tags(String tags) {
            return property(MessageConst.TAGS, tags);
        }

        public Builder keys(String keys) {
            return property(MessageConst.KEYS, keys);
        }

        public Builder bornTimestampMs(long bornTimestampMs) {
            this.bornTimestampMs = bornTimestampMs;
            return this;
        }

        public Builder bornHost(InetSocketAddress bornHost) {
            this.bornHost = bornHost;
            return this;
        }

        public Builder storeHost(InetSocketAddress storeHost) {
            this.storeHost = storeHost;
            return this;
        }

        public Builder reconsumeTimes(int reconsumeTimes) {
            this.reconsumeTimes = reconsumeTimes;
            return this;
        }

        public Builder preparedTransactionOffset(long preparedTransactionOffset) {
            this.preparedTransactionOffset = preparedTransactionOffset;
            return this;
        }

        public Message build() {
            return new Message(this);
        }

        private Map<String, String> shareProperties() {
            propertiesShared = true;
            return properties;
        }
    }
}
