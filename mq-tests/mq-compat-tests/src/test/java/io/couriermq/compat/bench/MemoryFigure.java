package io.couriermq.compat.bench;

import io.couriermq.compat.bench.LoadClient.Program;
import io.couriermq.compat.bench.Results.Row;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Broker memory with each system's default launch (no heap options: {@code java -jar mq-broker.jar}, and
 * the official BrokerStartup as the process harness starts it, minus the harness's small test heap): the
 * broker's VmRSS and RssAnon once it is registered, then after each load in turn (the official producer,
 * sync, async, batch, oneway, each for {@code --duration}), and once more after 30 s without load, on one
 * broker per round.
 */
final class MemoryFigure {
    private static final String TOPIC = "SideBySideMemory";
    private static final Duration IDLE_AFTER_LOADS = Duration.ofSeconds(30);

    /** A load and its arguments (the official producer's modes). */
    private record Load(String name, List<String> args) {}

    private static final List<Load> LOADS = List.of(
            new Load("sync", List.of("produce-sync", "--threads", "32")),
            new Load("async", List.of("produce-async", "--in-flight", "2000")),
            new Load("batch", List.of("produce-batch", "--batch", "64", "--threads", "1")),
            new Load("oneway", List.of("produce-oneway", "--threads", "32")));

    private final SideBySideOptions options;
    private final LoadClient client;
    private final Results results;

    MemoryFigure(SideBySideOptions options, LoadClient client, Results results) {
        this.options = options;
        this.client = client;
        this.results = results;
    }

    void run(Contender contender, int round) {
        Broker.Settings defaultLaunch = Broker.Settings.defaults().withJvmOptions(List.of());
        try (Deployment system =
                Deployment.start(contender, LoadFigures.dir(Figure.RSS, contender, round), defaultLaunch)) {
            record(contender, round, system, "started");
            for (Load load : LOADS) {
                List<String> args = new ArrayList<>(load.args());
                args.addAll(List.of(
                        "--namesrv", system.nameServerAddress(),
                        "--topic", TOPIC,
                        "--size", Integer.toString(options.sizeBytes()),
                        "--duration", SideBySideOptions.benchDuration(options.duration())));
                String loadAverage = MachineInfo.loadAverage();
                BenchLine line = client.run(
                        Program.OFFICIAL_PRODUCER,
                        args,
                        options.duration().multipliedBy(2).plusSeconds(120));
                results.raw(LoadFigures.prefix(Figure.RSS, contender, round) + " load=\"" + loadAverage + "\" "
                        + line.line());
                record(contender, round, system, "after " + load.name());
            }
            // what the broker gives back once the loads are over (a JVM keeps its grown heap unless told)
            idle(IDLE_AFTER_LOADS);
            record(contender, round, system, "idle " + IDLE_AFTER_LOADS.toSeconds() + " s after the loads");
        }
    }

    private static void idle(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while idle", e);
        }
    }

    private void record(Contender contender, int round, Deployment system, String when) {
        ProcStatus status = ProcStatus.of(system.broker().process().pid());
        String size = LoadFigures.sizeLabel(options.sizeBytes());
        String suffix = when.equals("started") ? " when registered" : " " + when + " " + size;
        results.add(new Row("broker VmRSS" + suffix + ", default launch", "MiB", true), contender, status.vmRssMib());
        results.add(
                new Row("broker RssAnon" + suffix + ", default launch", "MiB", true), contender, status.rssAnonMib());
        results.raw(LoadFigures.prefix(Figure.RSS, contender, round) + " " + when + " VmRSS=" + status.vmRssKib()
                + "kB RssAnon=" + status.rssAnonKib() + "kB");
    }
}
