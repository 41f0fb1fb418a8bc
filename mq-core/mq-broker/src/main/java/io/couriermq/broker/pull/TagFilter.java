package io.couriermq.broker.pull;

import io.couriermq.remoting.protocol.body.ExpressionType;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.store.MessageFilter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tag filtering by hash on consume-queue entries, before any record is read. Hash collisions let a
 * few foreign tags through; the client re-checks the exact tag string, as it does with RocketMQ.
 */
public final class TagFilter {
    private TagFilter() {}

    public static MessageFilter of(SubscriptionData subscription) {
        if (subscription.matchesAll() || subscription.codeSet().isEmpty()) {
            return MessageFilter.ALL;
        }
        Set<Integer> codes = Set.copyOf(subscription.codeSet());
        return tagsHash -> codes.contains((int) tagsHash);
    }

    /** A subscription from a pull header's TAG expression: tags split on "||", trimmed, hashed. */
    public static SubscriptionData parse(String topic, String expression, long subVersion) {
        String subString = expression == null || expression.isBlank() ? ExpressionType.SUB_ALL : expression.trim();
        Set<String> tags = new LinkedHashSet<>();
        if (!subString.equals(ExpressionType.SUB_ALL)) {
            tags = Arrays.stream(subString.split("\\|\\|"))
                    .map(String::trim)
                    .filter(tag -> !tag.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        Set<Integer> codes = tags.stream().map(String::hashCode).collect(Collectors.toCollection(LinkedHashSet::new));
        return new SubscriptionData(topic, subString, tags, codes, subVersion, ExpressionType.TAG, false);
    }
}
