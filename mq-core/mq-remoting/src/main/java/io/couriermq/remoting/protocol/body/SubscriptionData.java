package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One topic subscription of a consumer group: the expression as written ({@code subString}), and for
 * TAG expressions the tags and their {@code String.hashCode()}s, which is what broker-side filtering
 * compares. {@code subVersion} is bumped by the client on every rebalance change; a pull with a newer
 * one than the broker holds is answered SUBSCRIPTION_NOT_LATEST.
 */
@JsonPropertyOrder({"classFilterMode", "codeSet", "expressionType", "subString", "subVersion", "tagsSet", "topic"})
public record SubscriptionData(
        String topic,
        String subString,
        @JsonDeserialize(as = LinkedHashSet.class) Set<String> tagsSet,
        @JsonDeserialize(as = LinkedHashSet.class) Set<Integer> codeSet,
        long subVersion,
        String expressionType,
        boolean classFilterMode) {

    public SubscriptionData {
        tagsSet = Copies.orderedSet(tagsSet);
        codeSet = Copies.orderedSet(codeSet);
        // the official class initialises the field to TAG, so an absent type means TAG
        expressionType = expressionType == null ? ExpressionType.TAG : expressionType;
    }

    /** True when the subscription matches every message ({@code *} or empty TAG expression). */
    public boolean matchesAll() {
        return ExpressionType.isTagType(expressionType)
                && (subString == null || subString.isBlank() || ExpressionType.SUB_ALL.equals(subString.trim()));
    }
}
