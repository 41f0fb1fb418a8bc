package io.couriermq.tools.bench;

import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.Main;
import io.couriermq.tools.TlsOptions;
import io.couriermq.tools.bench.run.AsyncProduceRunner;
import io.couriermq.tools.bench.run.BenchRunner;
import io.couriermq.tools.bench.run.ConsumeRunner;
import io.couriermq.tools.bench.run.LatencyRunner;
import io.couriermq.tools.bench.run.ProduceRunner;
import io.couriermq.tools.bench.run.WorkBudget;
import io.couriermq.tools.bench.stats.BenchResult;
import io.couriermq.tools.bench.stats.BenchStats;
import io.couriermq.tools.bench.stats.ProgressReporter;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.TransportFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench <mode> ...}: parse (picocli), find (or create) the topic, run the mode, print the RESULT
 * line. Only needs picocli besides the runners, so other launchers (mq-compat-tests) can run it with
 * their own {@link TransportFactory} through {@link #run(String[])}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "The load generator: one machine-readable RESULT line on stdout, progress on stderr.",
        footer = {
            "",
            "modes: produce-sync | produce-async | produce-oneway | produce-batch | consume | latency",
            "Exit codes: 0 run completed (errors are counted in the RESULT line), 1 failure, 2 bad arguments."
        })
public final class BenchCommand implements Callable<Integer> {
    private static final int FAILED = 1;
    private static final long PROGRESS_SECONDS = 5;

    private final Console console;
    private final TransportFactory transports;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<mode>", description = "what to do (see modes below)")
    String mode;

    @Option(
            names = {"-n", "--namesrv"},
            paramLabel = "host:port",
            description = "NameServer address")
    String nameServer;

    @Option(names = "--topic", paramLabel = "T", description = "the topic to load")
    String topic;

    @Option(
            names = "--topics",
            defaultValue = "1",
            paramLabel = "N",
            description = "sending modes: spread the sends evenly over N topics, <topic>-0 to <topic>-<N-1>"
                    + " (created when missing), instead of the one topic; default ${DEFAULT-VALUE}")
    int topics;

    @Option(
            names = "--threads",
            defaultValue = "32",
            description = "sending (or pulling) threads, default ${DEFAULT-VALUE}")
    int threads;

    @Option(
            names = "--size",
            defaultValue = "1024",
            paramLabel = "BYTES",
            description = "message body size, default ${DEFAULT-VALUE}")
    int sizeBytes;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "run time: 30s, 500ms, 2m (default 30s; consume: until caught up)")
    Duration duration;

    @Option(names = "--messages", defaultValue = "0", paramLabel = "N", description = "stop after N messages instead")
    long messages;

    @Option(
            names = "--warmup-messages",
            defaultValue = "0",
            paramLabel = "N",
            description = "sending modes: send N messages first, unreported, in this JVM (its JIT, connections and"
                    + " the client's routes of every topic warm), then run what is measured; default ${DEFAULT-VALUE}")
    long warmupMessages;

    @Option(
            names = "--in-flight",
            defaultValue = "2000",
            paramLabel = "N",
            description = "async sends awaiting an answer at most, default ${DEFAULT-VALUE}")
    int inFlight;

    @Option(
            names = "--batch",
            defaultValue = "64",
            paramLabel = "N",
            description = "messages per batch send, default ${DEFAULT-VALUE}")
    int batch;

    @Option(
            names = "--rate",
            defaultValue = "1000",
            paramLabel = "N",
            description = "messages per second in latency mode, default ${DEFAULT-VALUE}")
    int rate;

    @Option(
            names = "--group",
            defaultValue = "bench_group",
            paramLabel = "G",
            description = "producer and consumer group, default ${DEFAULT-VALUE}")
    String group;

    @Option(
            names = "--queues",
            defaultValue = "8",
            paramLabel = "N",
            description = "queues per broker when the topic is created, default ${DEFAULT-VALUE}")
    int queues;

    @Option(
            names = "--from-offset",
            paramLabel = "N",
            description = "consume from this offset instead of each queue's minimum")
    Long fromOffset;

    @Option(
            names = "--transport",
            paramLabel = "T",
            description =
                    "client (our client library; default for sending modes) or remoting (raw requests; default for consume)")
    String transport;

    public BenchCommand(Console console, TransportFactory transports) {
        this.console = console;
        this.transports = transports;
    }

    /** Parses and runs {@code <mode> --option value...}; returns the exit code (0, 1, or 2 for bad usage). */
    public int run(String[] args) {
        return commandLine(console).execute(args);
    }

    /** This command as a picocli command line writing to {@code console}, as {@code mq-tools bench} embeds it. */
    public CommandLine commandLine(Console console) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(console.outWriter());
        commandLine.setErr(console.errWriter());
        return commandLine;
    }

    /**
     * Parses {@code <mode> --option value...} without running anything; a mistake is a picocli
     * {@code ParameterException} naming the option.
     */
    public static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand(null, null);
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    /** The parsed options; a missing or out-of-range value is a usage error naming the option. */
    public BenchOptions options() {
        if (mode == null) {
            throw usage("missing mode");
        }
        BenchMode parsedMode = BenchMode.fromCliName(mode).orElseThrow(() -> usage("unknown mode '" + mode + "'"));
        require(nameServer, "--namesrv");
        require(topic, "--topic");
        positive("--topics", topics);
        positive("--threads", threads);
        positive("--size", sizeBytes);
        positive("--in-flight", inFlight);
        positive("--batch", batch);
        positive("--rate", rate);
        positive("--queues", queues);
        if (messages < 0 || warmupMessages < 0 || (fromOffset != null && fromOffset < 0)) {
            throw usage("--messages, --warmup-messages and --from-offset must not be negative");
        }
        if (warmupMessages > 0 && (!parsedMode.produces() || parsedMode == BenchMode.LATENCY)) {
            throw usage("--warmup-messages applies to the sending modes only, not " + mode);
        }
        if (topics > 1 && !parsedMode.produces()) {
            throw usage("--topics applies to the sending modes only, not " + mode);
        }
        Duration runTime = duration != null
                ? duration
                : (messages > 0 || parsedMode == BenchMode.CONSUME ? null : BenchOptions.DEFAULT_DURATION);
        return new BenchOptions(
                parsedMode,
                nameServer,
                topic,
                topics,
                threads,
                sizeBytes,
                runTime,
                messages,
                warmupMessages,
                inFlight,
                batch,
                rate,
                group,
                queues,
                fromOffset == null ? -1 : fromOffset,
                transport,
                CredentialOptions.of(spec),
                TlsOptions.of(spec));
    }

    @Override
    public Integer call() {
        BenchOptions options = options();
        BenchTransport opened;
        try {
            opened = transports.open(options);
        } catch (UsageException e) {
            console.info("error: " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            console.info("bench " + options.mode().cliName() + " failed to start its transport: " + e.getMessage());
            return FAILED;
        }
        try (BenchTransport transport = opened) {
            return run(options, transport);
        } catch (RuntimeException e) {
            console.info("bench " + options.mode().cliName() + " failed: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.info("bench interrupted");
            return FAILED;
        }
    }

    private int run(BenchOptions options, BenchTransport transport) throws InterruptedException {
        Map<String, TopicRoute> routes = new LinkedHashMap<>();
        TopicSetup setup = new TopicSetup(transport);
        for (String topic : options.topicNames()) {
            Optional<TopicRoute> route = setup.resolve(topic, options.mode().produces(), options.queues());
            if (route.isEmpty()) {
                console.info("no route for topic " + topic + " at NameServer " + options.nameServer()
                        + (options.mode().produces() ? " (creating it failed)" : ""));
                return FAILED;
            }
            routes.put(topic, route.get());
        }
        if (options.warmupMessages() > 0) {
            WorkBudget warmUp = new WorkBudget(null, options.warmupMessages(), System::nanoTime);
            runner(options, transport, routes, warmUp, new BenchStats()).run();
        }
        BenchStats stats = new BenchStats();
        WorkBudget budget = new WorkBudget(options.duration(), options.messages(), System::nanoTime);
        BenchRunner runner = runner(options, transport, routes, budget, stats);
        long start = System.nanoTime();
        try (ProgressReporter progress = new ProgressReporter(stats, console, PROGRESS_SECONDS)) {
            runner.run();
        }
        BenchResult result = BenchResult.of(options, stats, (System.nanoTime() - start) / 1e9);
        console.result(result.line());
        return 0;
    }

    private static BenchRunner runner(
            BenchOptions options,
            BenchTransport transport,
            Map<String, TopicRoute> routes,
            WorkBudget budget,
            BenchStats stats) {
        Map<String, List<BenchQueue>> writable = new LinkedHashMap<>();
        routes.forEach((topic, route) -> writable.put(topic, route.writableQueues()));
        TopicRoute route = routes.get(options.topic());
        return switch (options.mode()) {
            case PRODUCE_SYNC, PRODUCE_ONEWAY, PRODUCE_BATCH ->
                new ProduceRunner(options, transport, QueueSelector.spread(writable), budget, stats);
            case PRODUCE_ASYNC ->
                new AsyncProduceRunner(options, transport, QueueSelector.spread(writable), budget, stats);
            case CONSUME -> new ConsumeRunner(options, transport, route.readableQueues(), budget, stats);
            case LATENCY ->
                new LatencyRunner(
                        options,
                        transport,
                        QueueSelector.of(options.topic(), route.writableQueues()),
                        route.readableQueues(),
                        budget,
                        stats);
        };
    }

    private void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw usage(option + " is required");
        }
    }

    private void positive(String option, long value) {
        if (value < 1) {
            throw usage(option + " must be between 1 and " + Integer.MAX_VALUE);
        }
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
