package io.couriermq.console.chart;

import io.couriermq.console.data.BrokerRow;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.GroupRow;
import io.couriermq.console.data.TopicKind;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the live chart figures on the server at a fixed interval, so every viewer sees the same
 * history and the browser only polls: put and get TPS per broker, and lag per consumer group. A failed
 * round (cluster unreachable) is skipped and logged once until a round succeeds again.
 *
 * <p>A round asks every broker and every group, so rounds run only while someone watches: from the
 * first read of the series until {@link #idleAfterMs} passes without one. A node nobody looks at sends
 * no console traffic.
 */
public final class ChartSampler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChartSampler.class);

    private final ConsoleData data;
    private final Clock clock;
    private final Duration interval;
    private final SampleRing tps;
    private final SampleRing lag;
    private final long idleAfterMs;
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;
    private volatile long lastViewedMs = Long.MIN_VALUE;

    public ChartSampler(ConsoleData data, Clock clock, Duration interval, int capacity) {
        this.data = data;
        this.clock = clock;
        this.interval = interval;
        this.tps = new SampleRing(capacity);
        this.lag = new SampleRing(capacity);
        this.idleAfterMs = Math.max(60_000, interval.toMillis() * 12);
    }

    /** One round: reads the figures and appends them to both rings. */
    public void sample() {
        long now = clock.millis();
        Map<String, Double> tpsValues = new LinkedHashMap<>();
        for (BrokerRow broker : data.brokers()) {
            if (broker.problem() == null) {
                String name = broker.brokerName() + (broker.brokerId() == 0 ? "" : "-" + broker.brokerId());
                tpsValues.put(name + " put", broker.putTps());
                tpsValues.put(name + " get", broker.getTps());
            }
        }
        Map<String, Double> lagValues = new LinkedHashMap<>();
        for (GroupRow group : data.groups()) {
            if (TopicKind.of(group.name()) == TopicKind.NORMAL) {
                lagValues.put(group.name(), (double) group.lag());
            }
        }
        tps.add(now, tpsValues);
        lag.add(now, lagValues);
    }

    /** The TPS series; reading it keeps the sampling going (the first read after a quiet spell starts it). */
    public ChartSeries tps() {
        viewed();
        return tps.snapshot();
    }

    /** The lag series; reading it keeps the sampling going, as {@link #tps()}. */
    public ChartSeries lag() {
        viewed();
        return lag.snapshot();
    }

    /** Whether rounds run now: someone read the series within the idle time. */
    public boolean watched() {
        long last = lastViewedMs;
        return last != Long.MIN_VALUE && clock.millis() - last <= idleAfterMs;
    }

    private void viewed() {
        boolean wasWatched = watched();
        lastViewedMs = clock.millis();
        ScheduledExecutorService running = executor;
        if (!wasWatched && running != null) {
            running.execute(this::sampleQuietly); // a first point at once rather than after an interval
        }
    }

    private void sampleIfWatched() {
        if (watched()) {
            sampleQuietly();
        }
    }

    private void sampleQuietly() {
        try {
            sample();
            if (failing) {
                log.info("console chart sampling works again");
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("console chart sampling failed, retrying every {}: {}", interval, e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-chart-sampler");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(
                this::sampleIfWatched, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Starts after the broker and NameServer lifecycles (their phases are small) and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
