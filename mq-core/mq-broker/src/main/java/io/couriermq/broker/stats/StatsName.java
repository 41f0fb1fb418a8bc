package io.couriermq.broker.stats;

import java.util.Optional;

/**
 * The statistics VIEW_BROKER_STATS_DATA answers, by RocketMQ's names and with its keys: a topic, a
 * {@code topic@group} (what {@code mqadmin statsAll} asks for), or the broker's cluster name.
 */
public enum StatsName {
    /** Messages stored per topic; one event per put request. */
    TOPIC_PUT_NUMS,
    /** Record bytes stored per topic; one event per put request. */
    TOPIC_PUT_SIZE,
    /** Messages handed out by pulls per {@code topic@group}; one event per pull that found messages. */
    GROUP_GET_NUMS,
    /** Record bytes handed out by pulls per {@code topic@group}. */
    GROUP_GET_SIZE,
    /** Messages stored by this broker, keyed by cluster name; counts no events (avgpt 0), as in 5.2.0. */
    BROKER_PUT_NUMS,
    /** Messages handed out by this broker's pulls, keyed by cluster name; counts no events. */
    BROKER_GET_NUMS;

    public static Optional<StatsName> of(String name) {
        for (StatsName candidate : values()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** RocketMQ's key for a group's figures on a topic. */
    public static String groupKey(String topic, String group) {
        return topic + "@" + group;
    }

    /** The topic a key names: the key itself, or what precedes the '@' of a {@code topic@group}. */
    static String topicOf(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }
}
