package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A consumer group's broker-side settings (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP body, entries of
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG). A property missing from the JSON takes the official default, not
 * Java's zero: fastjson fills a default-constructed object, so a 4.9 admin that does not know {@code
 * consumeTimeoutMinute} still means 15, and an absent {@code consumeEnable} means true.
 *
 * <p>The 5.x {@code subscriptionDataSet} (POP/proxy) is not modelled and is dropped.
 */
@JsonPropertyOrder({
    "attributes",
    "brokerId",
    "consumeBroadcastEnable",
    "consumeEnable",
    "consumeFromMinEnable",
    "consumeMessageOrderly",
    "consumeTimeoutMinute",
    "groupName",
    "groupRetryPolicy",
    "groupSysFlag",
    "notifyConsumerIdsChangedEnable",
    "retryMaxTimes",
    "retryQueueNums",
    "whichBrokerWhenConsumeSlowly"
})
public record SubscriptionGroupConfig(
        String groupName,
        boolean consumeEnable,
        boolean consumeFromMinEnable,
        boolean consumeBroadcastEnable,
        boolean consumeMessageOrderly,
        int retryQueueNums,
        int retryMaxTimes,
        GroupRetryPolicy groupRetryPolicy,
        long brokerId,
        long whichBrokerWhenConsumeSlowly,
        boolean notifyConsumerIdsChangedEnable,
        int groupSysFlag,
        long consumeTimeoutMinute,
        Map<String, String> attributes) {

    public static final int DEFAULT_RETRY_QUEUE_NUMS = 1;
    public static final int DEFAULT_RETRY_MAX_TIMES = 16;
    public static final long DEFAULT_CONSUME_TIMEOUT_MINUTE = 15;

    public SubscriptionGroupConfig {
        groupRetryPolicy = groupRetryPolicy == null ? GroupRetryPolicy.defaults() : groupRetryPolicy;
        attributes = Copies.orderedMap(attributes);
    }

    /** A group as the official broker auto-creates it. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return fromJson(groupName, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The JSON creator: every absent property takes its official default. */
    @JsonCreator
    static SubscriptionGroupConfig fromJson(
            @JsonProperty("groupName") String groupName,
            @JsonProperty("consumeEnable") Boolean consumeEnable,
            @JsonProperty("consumeFromMinEnable") Boolean consumeFromMinEnable,
            @JsonProperty("consumeBroadcastEnable") Boolean consumeBroadcastEnable,
            @JsonProperty("consumeMessageOrderly") Boolean consumeMessageOrderly,
            @JsonProperty("retryQueueNums") Integer retryQueueNums,
            @JsonProperty("retryMaxTimes") Integer retryMaxTimes,
            @JsonProperty("groupRetryPolicy") GroupRetryPolicy groupRetryPolicy,
            @JsonProperty("brokerId") Long brokerId,
            @JsonProperty("whichBrokerWhenConsumeSlowly") Long whichBrokerWhenConsumeSlowly,
            @JsonProperty("notifyConsumerIdsChangedEnable") Boolean notifyConsumerIdsChangedEnable,
            @JsonProperty("groupSysFlag") Integer groupSysFlag,
            @JsonProperty("consumeTimeoutMinute") Long consumeTimeoutMinute,
            @JsonProperty("attributes") Map<String, String> attributes) {
        return new SubscriptionGroupConfig(
                groupName,
                or(consumeEnable, true),
                or(consumeFromMinEnable, true),
                or(consumeBroadcastEnable, true),
                or(consumeMessageOrderly, false),
                or(retryQueueNums, DEFAULT_RETRY_QUEUE_NUMS),
                or(retryMaxTimes, DEFAULT_RETRY_MAX_TIMES),
                groupRetryPolicy,
                or(brokerId, 0L),
                or(whichBrokerWhenConsumeSlowly, 1L),
                or(notifyConsumerIdsChangedEnable, true),
                or(groupSysFlag, 0),
                or(consumeTimeoutMinute, DEFAULT_CONSUME_TIMEOUT_MINUTE),
                attributes);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
