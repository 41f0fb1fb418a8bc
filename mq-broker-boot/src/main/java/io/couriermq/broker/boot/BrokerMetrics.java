package io.couriermq.broker.boot;

import io.couriermq.broker.metrics.BrokerObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns the broker's send and pull events into Micrometer meters (the state gauges are in
 * {@link BrokerGauges}). The meters of a topic (or a group and
 * topic) are looked up once and cached: the observer runs on request threads, and a registry lookup
 * builds an id and takes a lock on every call. A deleted topic's meters are removed
 * ({@link #retainTopics}), so a scrape does not keep reporting topics that are gone.
 */
final class BrokerMetrics implements BrokerObserver, MeterBinder {
    private final ConcurrentMap<String, InMeters> in = new ConcurrentHashMap<>();
    private final ConcurrentMap<GroupTopic, OutMeters> out = new ConcurrentHashMap<>();
    private final ConcurrentMap<TopicStatus, Counter> failures = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    private record InMeters(Counter messages, Counter bytes, Timer latency) {}

    private record OutMeters(Counter messages, Counter bytes, Timer latency) {}

    private record GroupTopic(String group, String topic) {}

    private record TopicStatus(String topic, String status) {}

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
    }

    @Override
    public void onMessagesStored(String topic, int count, long bytes, long latencyNanos) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        InMeters topicMeters = in.computeIfAbsent(
                topic,
                t -> new InMeters(
                        Counter.builder("courier.broker.messages.in")
                                .description("messages stored")
                                .tag("topic", t)
                                .register(meters),
                        Counter.builder("courier.broker.bytes.in")
                                .description("message bytes stored")
                                .baseUnit("bytes")
                                .tag("topic", t)
                                .register(meters),
                        Timer.builder("courier.broker.put.latency")
                                .description("time from send request to stored")
                                .tag("topic", t)
                                .register(meters)));
        topicMeters.messages().increment(count);
        topicMeters.bytes().increment(bytes);
        topicMeters.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onPutFailed(String topic, String status) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        failures.computeIfAbsent(new TopicStatus(topic, status), key -> Counter.builder("courier.broker.put.failures")
                        .description("puts the store refused, by status")
                        .tag("topic", key.topic())
                        .tag("status", key.status())
                        .register(meters))
                .increment();
    }

    @Override
    public void onMessagesPulled(String consumerGroup, String topic, int count, long bytes, long latencyNanos) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        OutMeters groupMeters = out.computeIfAbsent(
                new GroupTopic(consumerGroup, topic),
                key -> new OutMeters(
                        Counter.builder("courier.broker.messages.out")
                                .description("messages delivered by pulls")
                                .tags("group", key.group(), "topic", key.topic())
                                .register(meters),
                        Counter.builder("courier.broker.bytes.out")
                                .description("message bytes delivered by pulls")
                                .baseUnit("bytes")
                                .tags("group", key.group(), "topic", key.topic())
                                .register(meters),
                        Timer.builder("courier.broker.pull.latency")
                                .description("time a pull took, held time included")
                                .tags("group", key.group(), "topic", key.topic())
                                .register(meters)));
        groupMeters.messages().increment(count);
        groupMeters.bytes().increment(bytes);
        groupMeters.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    /** Removes the meters of every topic not in {@code liveTopics} (deleted since they were made). */
    void retainTopics(Set<String> liveTopics) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        in.entrySet().removeIf(entry -> {
            if (liveTopics.contains(entry.getKey())) {
                return false;
            }
            InMeters gone = entry.getValue();
            meters.remove(gone.messages());
            meters.remove(gone.bytes());
            meters.remove(gone.latency());
            return true;
        });
        out.entrySet().removeIf(entry -> {
            if (liveTopics.contains(entry.getKey().topic())) {
                return false;
            }
            OutMeters gone = entry.getValue();
            meters.remove(gone.messages());
            meters.remove(gone.bytes());
            meters.remove(gone.latency());
            return true;
        });
        failures.entrySet().removeIf(entry -> {
            if (liveTopics.contains(entry.getKey().topic())) {
                return false;
            }
            meters.remove(entry.getValue());
            return true;
        });
    }
}
