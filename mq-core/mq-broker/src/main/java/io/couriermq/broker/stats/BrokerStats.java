package io.couriermq.broker.stats;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.BrokerStatsData;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The broker's per-topic and per-group traffic figures over the last minute, hour and day, the ones
 * VIEW_BROKER_STATS_DATA serves and GET_CONSUME_STATS takes its consume rate from. Fed by {@link
 * StatsObserver} on the request threads. Memory follows the keys with traffic in the last day: {@link
 * #dropIdle()} (run periodically) drops a key once its figures are all zero, 25 h after its last traffic, and
 * {@link #retainTopics} drops the keys of deleted topics. Thread-safe.
 */
public final class BrokerStats {
    /** Keys idle this long have nothing left in any window (a day and the day window's oldest hour). */
    public static final long DEFAULT_IDLE_DROP_MS = StatsItem.REACH_MS;

    private final String clusterName;
    private final Clock clock;
    private final long idleDropMs;
    private final Map<StatsName, StatsTable> tables = new EnumMap<>(StatsName.class);

    public BrokerStats(String clusterName, Clock clock) {
        this(clusterName, clock, DEFAULT_IDLE_DROP_MS);
    }

    public BrokerStats(String clusterName, Clock clock, long idleDropMs) {
        this.clusterName = clusterName;
        this.clock = clock;
        this.idleDropMs = idleDropMs;
        for (StatsName name : StatsName.values()) {
            tables.put(name, new StatsTable());
        }
    }

    /** A put request stored {@code messages} messages of {@code bytes} record bytes in a topic. */
    public void recordPut(String topic, int messages, long bytes) {
        long nowMs = clock.millis();
        tables.get(StatsName.TOPIC_PUT_NUMS).add(topic, nowMs, messages, 1);
        tables.get(StatsName.TOPIC_PUT_SIZE).add(topic, nowMs, bytes, 1);
        tables.get(StatsName.BROKER_PUT_NUMS).add(clusterName, nowMs, messages, 0);
    }

    /** A pull handed {@code messages} messages of {@code bytes} record bytes of a topic to a group. */
    public void recordGet(String group, String topic, int messages, long bytes) {
        long nowMs = clock.millis();
        String key = StatsName.groupKey(topic, group);
        tables.get(StatsName.GROUP_GET_NUMS).add(key, nowMs, messages, 1);
        tables.get(StatsName.GROUP_GET_SIZE).add(key, nowMs, bytes, 1);
        tables.get(StatsName.BROKER_GET_NUMS).add(clusterName, nowMs, messages, 0);
    }

    /** The figures of one statistic and key; empty when the name is unknown or the key has no traffic. */
    public Optional<BrokerStatsData> figures(String statsName, String statsKey) {
        return StatsName.of(statsName).flatMap(name -> tables.get(name).figures(statsKey, clock.millis()));
    }

    /** Messages per second the group pulled from the topic over the last minute; 0 without traffic. */
    public double groupGetRate(String group, String topic) {
        return tables.get(StatsName.GROUP_GET_NUMS).minuteRate(StatsName.groupKey(topic, group), clock.millis());
    }

    /** Drops every key idle for the idle period. */
    public void dropIdle() {
        long nowMs = clock.millis();
        tables.values().forEach(table -> table.dropIdle(nowMs, idleDropMs));
    }

    /** Drops the keys of topics that no longer exist (the cluster-wide keys stay). */
    public void retainTopics(Predicate<String> topicExists) {
        for (Map.Entry<StatsName, StatsTable> entry : tables.entrySet()) {
            if (entry.getKey() != StatsName.BROKER_PUT_NUMS && entry.getKey() != StatsName.BROKER_GET_NUMS) {
                entry.getValue().dropKeys(key -> !topicExists.test(StatsName.topicOf(key)));
            }
        }
    }

    /** How many keys all statistics hold (for tests of the memory bound). */
    public int keyCount() {
        return tables.values().stream().mapToInt(StatsTable::size).sum();
    }
}
