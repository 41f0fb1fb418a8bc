package io.couriermq.tools.bench;

import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
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
import java.util.Optional;

/** {@code bench <mode> ...}: parse, find (or create) the topic, run the mode, print the RESULT line. */
public final class BenchCommand {
    private static final int FAILED = 1;
    private static final long PROGRESS_SECONDS = 5;

    private final Console console;
    private final TransportFactory transports;

    public BenchCommand(Console console, TransportFactory transports) {
        this.console = console;
        this.transports = transports;
    }

    public static String usage() {
        return BenchOptionsParser.usage();
    }

    /** Returns the exit code: 0 when the run completed (errors are in the RESULT line), 1, or 2 for bad usage. */
    public int run(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptionsParser.parse(args);
        } catch (UsageException e) {
            console.info("error: " + e.getMessage());
            console.info(usage());
            return Main.USAGE;
        }
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
        Optional<TopicRoute> route = new TopicSetup(transport)
                .resolve(options.topic(), options.mode().produces(), options.queues());
        if (route.isEmpty()) {
            console.info("no route for topic " + options.topic() + " at NameServer " + options.nameServer()
                    + (options.mode().produces() ? " (creating it failed)" : ""));
            return FAILED;
        }
        BenchStats stats = new BenchStats();
        WorkBudget budget = new WorkBudget(options.duration(), options.messages(), System::nanoTime);
        BenchRunner runner = runner(options, transport, route.get(), budget, stats);
        long start = System.nanoTime();
        try (ProgressReporter progress = new ProgressReporter(stats, console, PROGRESS_SECONDS)) {
            runner.run();
        }
        BenchResult result = BenchResult.of(options, stats, (System.nanoTime() - start) / 1e9);
        console.result(result.line());
        return 0;
    }

    private static BenchRunner runner(
            BenchOptions options, BenchTransport transport, TopicRoute route, WorkBudget budget, BenchStats stats) {
        return switch (options.mode()) {
            case PRODUCE_SYNC, PRODUCE_ONEWAY, PRODUCE_BATCH ->
                new ProduceRunner(options, transport, new QueueSelector(route.writableQueues()), budget, stats);
            case PRODUCE_ASYNC ->
                new AsyncProduceRunner(options, transport, new QueueSelector(route.writableQueues()), budget, stats);
            case CONSUME -> new ConsumeRunner(options, transport, route.readableQueues(), budget, stats);
            case LATENCY ->
                new LatencyRunner(
                        options,
                        transport,
                        new QueueSelector(route.writableQueues()),
                        route.readableQueues(),
                        budget,
                        stats);
        };
    }
}
