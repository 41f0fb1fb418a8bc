package io.couriermq.broker.boot;

import io.couriermq.broker.Broker;
import io.couriermq.common.lifecycle.BackgroundService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges read from the running broker: send-queue depth, topic count, and consumer lag per group and
 * topic. Lag gauges exist only for pairs with committed offsets; that set changes as groups come and
 * go, so it is refreshed periodically (a gauge per possible pair would mean one per group and topic).
 * Starts after the broker and stops before it.
 */
final class BrokerGauges implements MeterBinder, SmartLifecycle {
    static final long REFRESH_INTERVAL_MS = 10_000;

    private final BrokerLifecycle lifecycle;
    private final Map<LagKey, Gauge> lagGauges = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile BackgroundService refresher;

    BrokerGauges(BrokerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    private record LagKey(String group, String topic) {}

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        Gauge.builder(
                        "courier.broker.send.queue.depth",
                        lifecycle,
                        l -> l.isRunning() ? l.broker().sendQueueDepth() : 0)
                .description("send requests waiting for the send thread")
                .register(meterRegistry);
        Gauge.builder(
                        "courier.broker.topics",
                        lifecycle,
                        l -> l.isRunning()
                                ? l.broker()
                                        .topics()
                                        .snapshot()
                                        .topicConfigTable()
                                        .size()
                                : Double.NaN)
                .description("topics in the broker's topic table")
                .register(meterRegistry);
        registry = meterRegistry;
    }

    /** Adds lag gauges for new (group, topic) pairs with committed offsets and removes stale ones. */
    synchronized void refreshLagGauges() {
        MeterRegistry meters = registry;
        if (meters == null || !lifecycle.isRunning()) {
            return;
        }
        Broker broker = lifecycle.broker();
        Set<LagKey> current = new HashSet<>();
        for (String topic : broker.topics().snapshot().topicConfigTable().keySet()) {
            broker.offsets().groupsOf(topic).forEach(group -> current.add(new LagKey(group, topic)));
        }
        for (LagKey key : current) {
            lagGauges.computeIfAbsent(key, k -> Gauge.builder("courier.broker.consumer.lag", k, this::lag)
                    .description("messages stored but not yet consumed: sum over queues of max offset - committed")
                    .tags("group", k.group(), "topic", k.topic())
                    .register(meters));
        }
        for (Iterator<Map.Entry<LagKey, Gauge>> it = lagGauges.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<LagKey, Gauge> entry = it.next();
            if (!current.contains(entry.getKey())) {
                meters.remove(entry.getValue());
                it.remove();
            }
        }
    }

    private double lag(LagKey key) {
        if (!lifecycle.isRunning()) {
            return Double.NaN;
        }
        return lifecycle
                .broker()
                .topics()
                .find(key.topic())
                .map(topic -> (double) ConsumerLag.of(lifecycle.queueStats(), key.group(), topic))
                .orElse(Double.NaN);
    }

    @Override
    public void start() {
        BackgroundService service = new BackgroundService("broker-lag-gauges", REFRESH_INTERVAL_MS) {
            @Override
            protected void runOnce() {
                refreshLagGauges();
            }
        };
        service.start();
        refresher = service;
    }

    @Override
    public void stop() {
        BackgroundService service = refresher;
        refresher = null;
        if (service != null) {
            service.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    @Override
    public int getPhase() {
        return BrokerLifecycle.PHASE + 10;
    }
}
