package io.couriermq.broker.boot;

import io.couriermq.broker.metrics.BrokerObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the broker's send and pull events into Micrometer meters (the state gauges are in
 * {@link BrokerGauges}). The meters of a topic (or a group and
 * topic) are looked up once and cached: the observer runs on request threads, and a registry lookup
 * builds an id and takes a lock on every call. A deleted topic's meters are removed
 * ({@link #retainTopics}), so a scrape does not keep reporting topics that are gone.
 *
 * <p>The broker starts before the meter registry exists ({@link BrokerFirstListener}), so events before
 * {@link #bindTo} are kept (up to {@link #EARLY_EVENTS_KEPT}) and counted when it comes.
 */
final class BrokerMetrics implements BrokerObserver, MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(BrokerMetrics.class);
    private final ConcurrentMap<String, InMeters> in = new ConcurrentHashMap<>();
    private final ConcurrentMap<GroupTopic, OutMeters> out = new ConcurrentHashMap<>();
    private final ConcurrentMap<TopicStatus, Counter> failures = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    static final int EARLY_EVENTS_KEPT = 100_000;
    private final Queue<Consumer<MeterRegistry>> early = new ArrayDeque<>();
    private long earlyEventsDropped;

    private record InMeters(Counter messages, Counter bytes, Timer latency) {}

    private record OutMeters(Counter messages, Counter bytes, Timer latency) {}

    private record GroupTopic(String group, String topic) {}

    private record TopicStatus(String topic, String status) {}

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        synchronized (early) {
            for (Consumer<MeterRegistry> event; (event = early.poll()) != null; ) {
                event.accept(meterRegistry);
            }
            registry = meterRegistry;
            if (earlyEventsDropped > 0) {
                log.warn(
                        "{} broker events before the meter registry was bound were not counted (kept at most {})",
                        earlyEventsDropped,
                        EARLY_EVENTS_KEPT);
            }
        }
    }

    /** Called while no registry was seen: the registry bound meanwhile, or null when the event was kept. */
    private MeterRegistry registryOrKeep(Consumer<MeterRegistry> event) {
        synchronized (early) {
            if (registry != null) {
                return registry;
            }
            if (early.size() < EARLY_EVENTS_KEPT) {
                early.add(event);
            } else {
                earlyEventsDropped++;
            }
            return null;
        }
    }

    @Override
    public void onMessagesStored(String topic, int count, long bytes, long latencyNanos) {
        MeterRegistry meters = registry;
        if (meters == null) {
            meters = registryOrKeep(bound -> countStored(bound, topic, count, bytes, latencyNanos));
        }
        if (meters != null) {
            countStored(meters, topic, count, bytes, latencyNanos);
        }
    }

    private void countStored(MeterRegistry meters, String topic, int count, long bytes, long latencyNanos) {
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
            meters = registryOrKeep(bound -> countFailure(bound, topic, status));
        }
        if (meters != null) {
            countFailure(meters, topic, status);
        }
    }

    private void countFailure(MeterRegistry meters, String topic, String status) {
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
            meters = registryOrKeep(bound -> countPulled(bound, consumerGroup, topic, count, bytes, latencyNanos));
        }
        if (meters != null) {
            countPulled(meters, consumerGroup, topic, count, bytes, latencyNanos);
        }
    }

    private void countPulled(
            MeterRegistry meters, String consumerGroup, String topic, int count, long bytes, long latencyNanos) {
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
