package io.couriermq.compat.bench;

import io.couriermq.harness.process.Jvm;
import io.couriermq.harness.process.WorkDir;
import io.couriermq.tools.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Issue 15's proof: CourierMQ and Apache RocketMQ 5.2.0 started in turn on this machine, each figure of the
 * issue's table measured {@code --rounds} times with the same client, alternating which system goes first,
 * and one markdown table of medians and ratios (plus the raw RESULT lines, the machine and the command)
 * printed and written to {@code <out>/<timestamp>.md}. Run it with {@code scripts/bench-vs-rocketmq.sh}.
 * Exit code 0 when every run produced its figure, 1 when one failed (its row shows n/a), 2 on bad usage.
 */
public final class SideBySide {
    /** Both brokers' heap for the throughput and latency figures (the RSS and launch figures use none). */
    static final List<String> BROKER_HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:MaxDirectMemorySize=1g");

    /** The load clients' JVM options, the same for both systems. */
    static final List<String> CLIENT_JAVA_OPTIONS = List.of("-Xms1g", "-Xmx1g");

    private final SideBySideOptions options;
    private final Console console;
    private final Results results = new Results();
    private final LoadFigures loads;
    private final MemoryFigure memory;
    private final LaunchFigure launch;
    private final ManyTopicsFigure manyTopics;
    private final Report report;
    private int failures;

    SideBySide(SideBySideOptions options, Console console) {
        this.options = options;
        this.console = console;
        LoadClient client =
                new LoadClient(Jvm.projectRoot(), WorkDir.root().resolve("side-by-side/clients"), CLIENT_JAVA_OPTIONS);
        this.loads = new LoadFigures(options, client, results, BROKER_HEAP);
        this.memory = new MemoryFigure(options, client, results);
        this.launch = new LaunchFigure(options.launches(), results);
        this.manyTopics = new ManyTopicsFigure(options, client, results, BROKER_HEAP);
        String started = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atZone(ZoneOffset.UTC));
        this.report = new Report(options, results, options.outDir().resolve(started + ".md"));
    }

    public static void main(String[] args) {
        Console console = Console.system();
        SideBySideOptions options;
        try {
            options = SideBySideOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            console.info(e.getMessage());
            System.exit(2);
            return;
        }
        // The admin client that watches registrations logs here instead of ~/logs/rocketmqlogs.
        if (System.getProperty("rocketmq.client.logRoot") == null) {
            System.setProperty(
                    "rocketmq.client.logRoot",
                    WorkDir.root().resolve("side-by-side/admin-logs").toString());
        }
        SideBySide run = new SideBySide(options, console);
        Report report = run.run();
        console.result(report.markdown());
        console.info("written to " + report.file());
        System.exit(run.failures == 0 ? 0 : 1);
    }

    /**
     * Runs every selected figure {@code rounds} times; the report is rewritten after each run, so an interrupted
     * run leaves the figures measured so far.
     */
    Report run() {
        for (int round = 1; round <= options.rounds(); round++) {
            // Alternate who goes first, so neither always runs on the warmer (or busier) machine.
            List<Contender> order = round % 2 == 1
                    ? List.of(Contender.COURIER, Contender.ROCKETMQ)
                    : List.of(Contender.ROCKETMQ, Contender.COURIER);
            for (Figure figure : options.figures()) {
                for (Contender contender : order) {
                    runOne(figure, contender, round);
                }
            }
        }
        return report;
    }

    private void runOne(Figure figure, Contender contender, int round) {
        console.info("== round " + round + ": " + figure.key() + " on " + contender.title() + " (load "
                + MachineInfo.loadAverage() + ")");
        try {
            switch (figure) {
                case RSS -> memory.run(contender, round);
                case LAUNCH -> launch.run(contender, round);
                case MANY_TOPICS -> manyTopics.run(contender, round);
                default -> loads.run(figure, contender, round);
            }
        } catch (RuntimeException | AssertionError e) {
            failures++;
            results.raw(LoadFigures.prefix(figure, contender, round) + " FAILED " + e.getMessage());
            console.info("   failed: " + e.getMessage());
        }
        report.write();
    }

    int failures() {
        return failures;
    }

    /** The markdown document of one run and where it is written. */
    record Report(SideBySideOptions options, Results results, Path file) {

        String markdown() {
            StringBuilder text = new StringBuilder();
            text.append("# CourierMQ vs Apache RocketMQ 5.2.0, side by side\n\n");
            text.append("- command: `")
                    .append(System.getProperty("sidebyside.command", "SideBySide"))
                    .append(options.args().isEmpty() ? "" : " " + String.join(" ", options.args()))
                    .append("`\n");
            text.append("- machine: ").append(MachineInfo.describe()).append("\n");
            text.append("- rounds ")
                    .append(options.rounds())
                    .append(" (alternating which system goes first), body ")
                    .append(options.sizeBytes())
                    .append(" B, ")
                    .append(SideBySideOptions.benchDuration(options.duration()))
                    .append(" per run after a ")
                    .append(SideBySideOptions.benchDuration(options.warmup()))
                    .append(" warm-up of the same load; medians over the rounds\n");
            text.append("- brokers: a fresh NameServer, broker and store per run, 64 MiB commit-log segments, ")
                    .append(String.join(" ", BROKER_HEAP))
                    .append(" for both (RSS and launch: no heap options, each system's default launch);")
                    .append(" the official broker with waitTimeMillsInSendQueue=1000 and -Dtls.server.mode=disabled,")
                    .append(" as the process harness starts it; NameServers with the harness's small heap\n");
            text.append("- clients: their own JVM per run (")
                    .append(String.join(" ", CLIENT_JAVA_OPTIONS))
                    .append("); sends by the official 5.2.0 producer (scripts/bench-official-client.sh), the drain")
                    .append(" by mq-tools `bench consume` (raw remoting pulls), latency by mq-tools `bench latency`")
                    .append(" (our client), the same program against both systems\n\n");
            text.append(results.table()).append("\n");
            text.append(ManyTopicsFigure.againstOneTopic(results, options.sizeBytes(), options.topics()));
            text.append("Ratio = CourierMQ median / RocketMQ median; for throughput higher is better, for latency,")
                    .append(" RSS and launch lower is better.\n\n");
            text.append("## Raw lines\n\n```\n");
            results.rawLines().forEach(line -> text.append(line).append("\n"));
            text.append("```\n");
            return text.toString();
        }

        void write() {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, markdown());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + file, e);
            }
        }
    }
}
