package io.couriermq.broker.boot;

import io.couriermq.acl.check.DenialReason;
import io.couriermq.broker.Broker;
import io.couriermq.broker.ha.ReplicationStatus;
import io.couriermq.common.lifecycle.BackgroundService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
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
    private final BrokerMetrics topicMeters;
    private final Map<LagKey, Gauge> lagGauges = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile BackgroundService refresher;

    BrokerGauges(BrokerLifecycle lifecycle, BrokerMetrics topicMeters) {
        this.lifecycle = lifecycle;
        this.topicMeters = topicMeters;
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
        bindReplication(meterRegistry);
        bindAcl(meterRegistry);
        registry = meterRegistry;
    }

    private void bindReplication(MeterRegistry meterRegistry) {
        Gauge.builder("courier.broker.replication.lag", lifecycle, l -> replication(l, ReplicationStatus::maxLagBytes))
                .description("bytes the furthest connected slave is behind this master")
                .baseUnit("bytes")
                .register(meterRegistry);
        Gauge.builder(
                        "courier.broker.replication.slaves.in.sync",
                        lifecycle,
                        l -> replication(l, ReplicationStatus::slavesInSync))
                .description("connected slaves within haMaxGapNotInSync of this master")
                .register(meterRegistry);
        FunctionCounter.builder(
                        "courier.broker.replication.transferred",
                        lifecycle,
                        l -> replication(l, ReplicationStatus::transferredBytes))
                .description("commit-log bytes sent to slaves (master) or received from the master (slave)")
                .baseUnit("bytes")
                .register(meterRegistry);
        FunctionCounter.builder(
                        "courier.broker.replication.sync.waits",
                        lifecycle,
                        l -> replication(l, status -> status.metrics().syncWaits()))
                .description("SYNC_MASTER puts that waited for a slave's acknowledgement")
                .register(meterRegistry);
        FunctionCounter.builder(
                        "courier.broker.replication.flush.slave.timeouts",
                        lifecycle,
                        l -> replication(l, status -> status.metrics().flushSlaveTimeouts()))
                .description("SYNC_MASTER puts answered FLUSH_SLAVE_TIMEOUT")
                .register(meterRegistry);
        FunctionCounter.builder(
                        "courier.broker.replication.slave.not.available",
                        lifecycle,
                        l -> replication(l, status -> status.metrics().slaveNotAvailableCount()))
                .description("SYNC_MASTER puts answered SLAVE_NOT_AVAILABLE")
                .register(meterRegistry);
    }

    /** Requests refused by access control, by reason (see {@link DenialReason}); zero while ACL is off. */
    private void bindAcl(MeterRegistry meterRegistry) {
        for (DenialReason reason : DenialReason.values()) {
            FunctionCounter.builder(
                            "courier.acl.refused",
                            lifecycle,
                            l -> l.isRunning() ? l.broker().aclRefusals().count(reason) : 0)
                    .description("requests refused by ACL (aclEnable), by reason")
                    .tag("reason", reason.tag())
                    .register(meterRegistry);
        }
    }

    private static double replication(BrokerLifecycle lifecycle, ToDoubleFunction<ReplicationStatus> figure) {
        return lifecycle.isRunning()
                ? figure.applyAsDouble(lifecycle.broker().replication().status())
                : 0;
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

    /** Drops the meters of deleted topics: at once when the topic table changes, and every refresh. */
    synchronized void pruneDeletedTopics() {
        if (lifecycle.isRunning()) {
            topicMeters.retainTopics(
                    lifecycle.broker().topics().snapshot().topicConfigTable().keySet());
        }
    }

    @Override
    public void start() {
        if (lifecycle.isRunning()) {
            lifecycle.broker().topics().addChangeListener(this::pruneDeletedTopics);
        }
        BackgroundService service = new BackgroundService("broker-lag-gauges", REFRESH_INTERVAL_MS) {
            @Override
            protected void runOnce() {
                refreshLagGauges();
                pruneDeletedTopics();
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
