package io.couriermq.tools.soak;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.TopicSetup;
import io.couriermq.tools.bench.run.Workers;
import io.couriermq.tools.bench.transport.RemotingBenchTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * One soak: create the topic, start the consumers, measure the maximum (unless a rate was given), send
 * at the fixed rate for the duration while recording an {@link IntervalRecord} per interval, drain, and
 * judge: the ledger's promises and the growth bounds. Waiting for wall time is the point of a soak, so
 * the intervals are timed with the real clock.
 */
final class SoakRun {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final SoakSettings settings;
    private final Console console;
    private final Supplier<NodeResources> node;
    private final LongPredicate recordDelivery;
    private final long runId = ThreadLocalRandom.current().nextLong();
    private final SoakLedger ledger = new SoakLedger();
    private final AtomicLong ids = new AtomicLong();
    private final List<IntervalRecord> intervals = new ArrayList<>();

    SoakRun(SoakSettings settings, Console console, Supplier<NodeResources> node, LongPredicate recordDelivery) {
        this.settings = settings;
        this.console = console;
        this.node = node;
        this.recordDelivery = recordDelivery;
    }

    /** Runs the soak; the reasons it failed, empty when it passed. */
    List<String> run() throws InterruptedException {
        try (RemotingBenchTransport admin = new RemotingBenchTransport(
                settings.nameServer(), settings.producerGroup(), 1, settings.credentials(), settings.tls())) {
            if (new TopicSetup(admin)
                    .resolve(settings.topic(), true, settings.queues())
                    .isEmpty()) {
                return List.of("no route for topic " + settings.topic() + " at NameServer " + settings.nameServer()
                        + " (creating it failed)");
            }
        }
        ClientRuntime runtime = ClientRuntime.start(
                client().instanceName("soak-producer-" + ProcessHandle.current().pid())
                        .build());
        try (SoakTraffic traffic = new SoakTraffic(
                        runtime, settings.producerGroup(), settings.topic(), runId, settings.size(), ledger);
                SoakConsumers consumers = new SoakConsumers(
                        this::client, settings.consumerGroup(), settings.topic(), runId, ledger, recordDelivery)) {
            consumers.start(settings.consumers());
            double max = settings.rate() > 0 ? 0 : measureMax(traffic);
            double rate = settings.rate() > 0 ? settings.rate() : Math.max(1, max * settings.rateFraction());
            console.result(String.format(
                    java.util.Locale.ROOT,
                    "RATE max_per_s=%s rate_per_s=%.1f",
                    settings.rate() > 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", max),
                    rate));
            paced(traffic, consumers, rate);
            drain();
            return judge(traffic, consumers, max, rate);
        } finally {
            runtime.close();
        }
    }

    private ClientConfig.Builder client() {
        return ClientConfig.builder(settings.nameServer())
                .credentials(settings.credentials())
                .tls(settings.tls());
    }

    /** Sends unpaced on every thread for the ramp; the acknowledged messages per second. */
    private double measureMax(SoakTraffic traffic) throws InterruptedException {
        long before = ledger.acknowledged();
        long start = System.nanoTime();
        long end = start + settings.ramp().toNanos();
        Workers.runAll("soak-ramp", settings.threads(), () -> {
            while (System.nanoTime() - end < 0) {
                traffic.send(ids.getAndIncrement());
            }
        });
        return (ledger.acknowledged() - before) / ((System.nanoTime() - start) / 1e9);
    }

    private void paced(SoakTraffic traffic, SoakConsumers consumers, double rate) throws InterruptedException {
        long start = System.nanoTime();
        FixedRate slots = new FixedRate(start, settings.duration().toNanos(), rate);
        Thread senders = new Thread(
                () -> {
                    try {
                        Workers.runAll("soak-send", settings.threads(), () -> {
                            while (slots.awaitSlot()) {
                                traffic.send(ids.getAndIncrement());
                            }
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "soak-senders");
        senders.start();
        ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor();
        long restartMs = settings.consumerRestart().toMillis();
        restarts.scheduleAtFixedRate(consumers::restartOne, restartMs, restartMs, TimeUnit.MILLISECONDS);
        try {
            record(traffic, consumers, start);
        } finally {
            slots.stop();
            restarts.shutdown(); // a restart in progress finishes; no new one starts
            restarts.awaitTermination(30, TimeUnit.SECONDS);
            senders.join();
        }
    }

    /** One record at the end of every interval; a last, shorter one when the duration is not a multiple. */
    private void record(SoakTraffic traffic, SoakConsumers consumers, long start) {
        long intervalNanos = settings.interval().toNanos();
        long durationNanos = settings.duration().toNanos();
        long sentBefore = traffic.sent(); // the ramp's sends are not the first interval's
        long failedBefore = ledger.failedSends();
        traffic.intervalP99Ms();
        for (long due = Math.min(intervalNanos, durationNanos); ; due = Math.min(due + intervalNanos, durationNanos)) {
            sleepUntil(start + due);
            long sent = traffic.sent();
            long failed = ledger.failedSends();
            IntervalRecord record = new IntervalRecord(
                    intervals.size() + 1,
                    Math.round((System.nanoTime() - start) / 1e9),
                    sent - sentBefore,
                    failed - failedBefore,
                    ledger.acknowledged(),
                    ledger.consumedCount(),
                    traffic.intervalP99Ms(),
                    consumers.lag(),
                    ledger.outstanding(),
                    node.get());
            sentBefore = sent;
            failedBefore = failed;
            intervals.add(record);
            console.result(record.line());
            if (due >= durationNanos) {
                return;
            }
        }
    }

    /** Waits until every acknowledged message that must arrive has, or the drain period is over. */
    private void drain() {
        long end = System.nanoTime() + settings.drain().toNanos();
        while (ledger.outstanding() > 0 && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private List<String> judge(SoakTraffic traffic, SoakConsumers consumers, double max, double rate) {
        List<String> failures = new ArrayList<>(ledger.violations());
        // the warm-up's intervals are reported but not judged: a JVM growing its heap to size is no leak
        GrowthBounds.Judgement growth = settings.bounds()
                .judge(intervals.stream()
                        .filter(interval ->
                                interval.elapsedSeconds() > settings.warmUp().toSeconds())
                        .map(IntervalRecord::node)
                        .toList());
        failures.addAll(growth.violations());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("sent", traffic.sent());
        totals.put("failedSends", ledger.failedSends());
        totals.put("acknowledged", ledger.acknowledged());
        totals.put("acknowledgedByKind", ledger.acknowledgedByKind());
        totals.put("consumedDistinct", ledger.consumedCount());
        totals.put("deliveries", ledger.deliveries());
        totals.put("outstandingAfterDrain", ledger.outstanding());
        totals.put("consumerLagAfterDrain", consumers.lag());
        SoakReport.write(
                settings.report(),
                settings.describe(settings.rate() > 0 ? null : max, rate),
                intervals,
                totals,
                failures,
                growth.unjudged());
        console.result(String.format(
                java.util.Locale.ROOT,
                "RESULT soak %s sent=%d acked=%d consumed=%d failed_sends=%d intervals=%d report=%s",
                failures.isEmpty() ? "PASSED" : "FAILED",
                traffic.sent(),
                ledger.acknowledged(),
                ledger.consumedCount(),
                ledger.failedSends(),
                intervals.size(),
                settings.report()));
        if (!growth.unjudged().isEmpty()) {
            console.info("not judged (no source or fewer than " + GrowthBounds.MIN_INTERVALS + " intervals): "
                    + String.join(", ", growth.unjudged()));
        }
        return failures;
    }

    private static void sleepUntil(long deadline) {
        for (long wait = deadline - System.nanoTime(); wait > 0; wait = deadline - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
