package io.couriermq.client.message;

import io.couriermq.common.message.MessageConst;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message to send: topic, body, and the properties that travel with it (tags, keys, user properties,
 * delay). Immutable; built with {@link #builder(String, byte[])}.
 */
public final class OutgoingMessage {
    private static final int MAX_DELAY_LEVEL = 18;

    private final String topic;
    private final byte[] body;
    private final int flag;
    private final Map<String, String> properties;

    private OutgoingMessage(String topic, byte[] body, int flag, Map<String, String> properties) {
        this.topic = topic;
        this.body = body;
        this.flag = flag;
        this.properties = Collections.unmodifiableMap(properties);
    }

    public static Builder builder(String topic, byte[] body) {
        return new Builder(topic, body);
    }

    /**
     * True for a property name the protocol reserves (TAGS, KEYS, UNIQ_KEY, the delay, transaction and
     * request-reply properties...), which {@link Builder#property} refuses: lets callers that map their
     * own headers onto properties (framework adapters) check names before building. False for null.
     */
    public static boolean isReservedPropertyName(String name) {
        return name != null && SystemPropertyNames.contains(name);
    }

    public String topic() {
        return topic;
    }

    /** The body; the array is shared, not copied: do not modify it. */
    public byte[] body() {
        return body;
    }

    public int flag() {
        return flag;
    }

    /** Every property, system (TAGS, KEYS, DELAY...) and user ones, in insertion order. */
    public Map<String, String> properties() {
        return properties;
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageConst.TAGS);
    }

    public int delayLevel() {
        String level = properties.get(MessageConst.DELAY_TIME_LEVEL);
        return level == null ? 0 : Integer.parseInt(level);
    }

    /** A copy with one more property (used by the producer to add its own, e.g. UNIQ_KEY). */
    public OutgoingMessage withProperty(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.put(name, value);
        return new OutgoingMessage(topic, body, flag, copy);
    }

    @Override
    public String toString() {
        return "OutgoingMessage[topic=" + topic + ", " + body.length + " bytes, properties=" + properties + "]";
    }

    /** Builds an {@link OutgoingMessage}. */
    public static final class Builder {
        private final String topic;
        private final byte[] body;
        private int flag;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String topic, byte[] body) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("topic must not be blank");
            }
            Objects.requireNonNull(body, "body");
            this.topic = topic;
            this.body = body;
        }

        public Builder tags(String tags) {
            return system(MessageConst.TAGS, tags);
        }

        /** Business keys, indexed by the broker for queries. */
        public Builder keys(String... keys) {
            return keys(List.of(keys));
        }

        public Builder keys(List<String> keys) {
            for (String key : keys) {
                if (key.contains(MessageConst.KEY_SEPARATOR)) {
                    throw new IllegalArgumentException("a key must not contain a space: '" + key + "'");
                }
            }
            return system(MessageConst.KEYS, String.join(MessageConst.KEY_SEPARATOR, keys));
        }

        /** A user property; names of system properties are refused. */
        public Builder property(String name, String value) {
            if (isReservedPropertyName(name)) {
                throw new IllegalArgumentException("'" + name + "' is a system property name; pick another");
            }
            return system(name, value);
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        /** One of the broker's delay levels, 1 ({@code 1s}) to 18 ({@code 2h}) by default; 0 for none. */
        public Builder delayLevel(int level) {
            if (level < 0 || level > MAX_DELAY_LEVEL) {
                throw new IllegalArgumentException("delay level must be 0.." + MAX_DELAY_LEVEL + ", was " + level);
            }
            properties.remove(MessageConst.DELAY_TIME_LEVEL);
            return level == 0 ? this : system(MessageConst.DELAY_TIME_LEVEL, Integer.toString(level));
        }

        /** Delivery at an exact time (the broker's timer; its maximum delay applies). */
        public Builder deliverAt(Instant time) {
            return system(MessageConst.TIMER_DELIVER_MS, Long.toString(time.toEpochMilli()));
        }

        /** Delivery after {@code delay} from when the broker stores it. */
        public Builder deliverAfter(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
            return system(MessageConst.TIMER_DELAY_MS, Long.toString(delay.toMillis()));
        }

        /** Sets a property without the user-property check; for the client's own properties. */
        public Builder system(String name, String value) {
            if (name == null || name.isEmpty() || value == null) {
                throw new IllegalArgumentException("property name and value must be given: " + name + "=" + value);
            }
            if (name.indexOf('\u0001') >= 0
                    || name.indexOf('\u0002') >= 0
                    || value.indexOf('\u0001') >= 0
                    || value.indexOf('\u0002') >= 0) {
                throw new IllegalArgumentException("property " + name + " contains a reserved separator character");
            }
            properties.put(name, value);
            return this;
        }

        public OutgoingMessage build() {
            return new OutgoingMessage(topic, body, flag, new LinkedHashMap<>(properties));
        }
    }
}
