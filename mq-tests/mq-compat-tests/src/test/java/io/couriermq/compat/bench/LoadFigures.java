package io.couriermq.compat.bench;

import io.couriermq.compat.bench.LoadClient.Program;
import io.couriermq.compat.bench.Results.Row;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.WorkDir;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The throughput and latency figures: each run starts the system fresh (NameServer, broker with the
 * benchmark heap, empty store), warms it up with the same load (unreported), measures, and stops it.
 */
final class LoadFigures {
    private static final String TOPIC = "SideBySide";
    private static final int QUEUES = 8;

    private final SideBySideOptions options;
    private final LoadClient client;
    private final Results results;
    private final Broker.Settings benchBroker;

    LoadFigures(SideBySideOptions options, LoadClient client, Results results, List<String> brokerJvmOptions) {
        this.options = options;
        this.client = client;
        this.results = results;
        this.benchBroker = Broker.Settings.defaults().withJvmOptions(brokerJvmOptions);
    }

    void run(Figure figure, Contender contender, int round) {
        String size = sizeLabel(options.sizeBytes());
        switch (figure) {
            case SYNC ->
                produce(
                        figure,
                        contender,
                        round,
                        benchBroker,
                        syncRow(options.sizeBytes()),
                        "produce-sync",
                        "--threads",
                        "32");
            case ASYNC ->
                produce(
                        figure,
                        contender,
                        round,
                        benchBroker,
                        row("async send " + size + ", 2000 in flight"),
                        "produce-async",
                        "--in-flight",
                        "2000");
            case BATCH ->
                produce(
                        figure,
                        contender,
                        round,
                        benchBroker,
                        row("batch 64 x " + size + ", 1 thread"),
                        "produce-batch",
                        "--batch",
                        "64",
                        "--threads",
                        "1");
            case SYNC_FLUSH ->
                produce(
                        figure,
                        contender,
                        round,
                        benchBroker.withProperties(Map.of("flushDiskType", "SYNC_FLUSH")),
                        row("SYNC_FLUSH sync send " + size + ", 32 threads"),
                        "produce-sync",
                        "--threads",
                        "32");
            case DRAIN -> drain(contender, round);
            case LATENCY -> latency(contender, round);
            default -> throw new IllegalArgumentException(figure + " is not a load figure");
        }
    }

    private void produce(
            Figure figure, Contender contender, int round, Broker.Settings settings, Row row, String... modeAndArgs) {
        try (Deployment system = Deployment.start(contender, dir(figure, contender, round), settings)) {
            List<String> args = args(system, modeAndArgs);
            warmUp(args);
            BenchLine line = measure(Program.OFFICIAL_PRODUCER, args, figure, contender, round);
            results.add(row, contender, line.number("tps"));
        }
    }

    private void drain(Contender contender, int round) {
        Row row = new Row(
                String.format(
                        Locale.ROOT, "drain a %,d backlog (mq-tools bench consume, remoting pulls)", options.backlog()),
                "msg/s",
                false);
        try (Deployment system = Deployment.start(contender, dir(Figure.DRAIN, contender, round), benchBroker)) {
            Duration timeout = Duration.ofSeconds(180 + options.backlog() / 2_000);
            // Batches from two threads: the fastest fill with few sends in flight, so a loaded machine does not
            // time sends out and both systems hold (nearly) the same backlog.
            List<String> fill = args(
                    system,
                    "produce-batch",
                    "--batch",
                    "64",
                    "--threads",
                    "2",
                    "--messages",
                    Long.toString(options.backlog()));
            BenchLine filled = run(Program.OFFICIAL_PRODUCER, fill, timeout, Figure.DRAIN, contender, round);
            List<String> consume = new ArrayList<>(List.of(
                    "consume", "--namesrv", system.nameServerAddress(), "--topic", TOPIC, "--transport", "remoting"));
            BenchLine drained = run(Program.MQ_TOOLS, consume, timeout, Figure.DRAIN, contender, round);
            if (drained.number("messages") < filled.number("messages")) {
                throw new IllegalStateException(
                        "drained fewer messages than were acknowledged in the fill: " + drained.line());
            }
            results.add(row, contender, drained.number("tps"));
        }
    }

    private void latency(Contender contender, int round) {
        Row row = new Row(
                String.format(Locale.ROOT, "e2e p99 at %,d msg/s (mq-tools bench latency, our client)", options.rate()),
                "ms",
                true);
        try (Deployment system = Deployment.start(contender, dir(Figure.LATENCY, contender, round), benchBroker)) {
            List<String> args = args(system, "latency", "--rate", Integer.toString(options.rate()));
            if (!options.warmup().isZero()) {
                client.run(Program.MQ_TOOLS, withDuration(args, options.warmup()), timeout(options.warmup()));
            }
            BenchLine line = run(
                    Program.MQ_TOOLS,
                    withDuration(args, options.duration()),
                    timeout(options.duration()),
                    Figure.LATENCY,
                    contender,
                    round);
            results.add(row, contender, line.number("p99_ms"));
        }
    }

    private void warmUp(List<String> args) {
        if (!options.warmup().isZero()) {
            client.run(Program.OFFICIAL_PRODUCER, withDuration(args, options.warmup()), timeout(options.warmup()));
        }
    }

    private BenchLine measure(Program program, List<String> args, Figure figure, Contender contender, int round) {
        return run(
                program, withDuration(args, options.duration()), timeout(options.duration()), figure, contender, round);
    }

    private BenchLine run(
            Program program, List<String> args, Duration timeout, Figure figure, Contender contender, int round) {
        String load = MachineInfo.loadAverage();
        BenchLine line = client.run(program, args, timeout);
        results.raw(prefix(figure, contender, round) + " load=\"" + load + "\" client=\"" + program.title() + "\" "
                + line.line());
        return line;
    }

    private List<String> args(Deployment system, String... modeAndArgs) {
        List<String> args = new ArrayList<>(List.of(modeAndArgs));
        args.addAll(List.of(
                "--namesrv",
                system.nameServerAddress(),
                "--topic",
                TOPIC,
                "--queues",
                Integer.toString(QUEUES),
                "--size",
                Integer.toString(options.sizeBytes())));
        return args;
    }

    private static List<String> withDuration(List<String> args, Duration duration) {
        List<String> withDuration = new ArrayList<>(args);
        withDuration.addAll(List.of("--duration", SideBySideOptions.benchDuration(duration)));
        return withDuration;
    }

    /** A bound for a hung client, not a timing claim: set-up, the run, and the runners' grace period. */
    private static Duration timeout(Duration run) {
        return run.multipliedBy(2).plusSeconds(120);
    }

    /** The one-topic sync figure's row, which the many-topics figure is compared with. */
    static Row syncRow(int sizeBytes) {
        return row("sync send " + sizeLabel(sizeBytes) + ", 32 threads");
    }

    private static Row row(String title) {
        return new Row(title, "msg/s", false);
    }

    static String prefix(Figure figure, Contender contender, int round) {
        return "round=" + round + " figure=" + figure.key() + " system=\"" + contender.title() + "\"";
    }

    static java.nio.file.Path dir(Figure figure, Contender contender, int round) {
        return WorkDir.fresh(
                "side-by-side/" + figure.key() + "-" + contender.name().toLowerCase(Locale.ROOT) + "-" + round);
    }

    static String sizeLabel(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
