package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.ExpressionType;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer's subscriptions by topic, as heartbeats carry them. {@link #bumpVersion} moves a topic's
 * {@code subVersion} forward when its assignment changed, so brokers learn of it before the next pull.
 */
public final class Subscriptions {
    private static final String TAG_SEPARATOR = "\\|\\|";

    private final Map<String, SubscriptionData> byTopic = new ConcurrentHashMap<>();

    /** Subscribes {@code topic} with a TAG expression ({@code *}, or tags joined by {@code ||}). */
    public void subscribeTags(String topic, String expression, long versionMs) {
        byTopic.put(requireTopic(topic), tags(topic, expression, versionMs));
    }

    /** Subscribes {@code topic} with a SQL92 expression over message properties (the broker filters). */
    public void subscribeSql(String topic, String sql, long versionMs) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL92 expression for topic " + topic + " must not be blank");
        }
        byTopic.put(
                requireTopic(topic),
                new SubscriptionData(topic, sql.trim(), Set.of(), Set.of(), versionMs, ExpressionType.SQL92, false));
    }

    public void unsubscribe(String topic) {
        byTopic.remove(topic);
    }

    /** The subscription data of a TAG expression, as the broker filters and the client re-checks it. */
    public static SubscriptionData tags(String topic, String expression, long versionMs) {
        String trimmed = expression == null ? "" : expression.trim();
        if (trimmed.isEmpty() || ExpressionType.SUB_ALL.equals(trimmed)) {
            return new SubscriptionData(
                    topic, ExpressionType.SUB_ALL, Set.of(), Set.of(), versionMs, ExpressionType.TAG, false);
        }
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(trimmed.split(TAG_SEPARATOR))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .forEach(tags::add);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("tag expression '" + expression + "' for " + topic + " names no tag");
        }
        Set<Integer> codes = new LinkedHashSet<>();
        tags.forEach(tag -> codes.add(tag.hashCode()));
        return new SubscriptionData(topic, trimmed, tags, codes, versionMs, ExpressionType.TAG, false);
    }

    /** Moves the topic's subVersion to {@code nowMs}, or one past the current one when the clock is behind. */
    public void bumpVersion(String topic, long nowMs) {
        byTopic.computeIfPresent(
                topic,
                (name, data) -> new SubscriptionData(
                        data.topic(),
                        data.subString(),
                        data.tagsSet(),
                        data.codeSet(),
                        Math.max(nowMs, data.subVersion() + 1),
                        data.expressionType(),
                        data.classFilterMode()));
    }

    public SubscriptionData get(String topic) {
        return byTopic.get(topic);
    }

    public Collection<SubscriptionData> all() {
        return List.copyOf(byTopic.values());
    }

    public Set<String> topics() {
        return Set.copyOf(byTopic.keySet());
    }

    private static String requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return topic;
    }
}
