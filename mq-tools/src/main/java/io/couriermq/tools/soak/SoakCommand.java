package io.couriermq.tools.soak;

import io.couriermq.tools.Console;
import io.couriermq.tools.CredentialOptions;
import io.couriermq.tools.TlsOptions;
import io.couriermq.tools.bench.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code soak}: parse and validate (picocli), run a {@link SoakRun}, map its verdict to the exit code. */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description =
                "Runs a node at a fixed rate for a long time and fails when it loses or wrongly delivers messages, "
                        + "or when its memory, threads or open files grow beyond the bounds. "
                        + "Traffic: sync keyed sends; 1 in 20 each delay-level (1s-10s), timer (1-10 s), transaction committed, "
                        + "rolled back, and resolved by the broker's check-back; push consumers in clustering mode, one restarted "
                        + "every --consumer-restart. Every --interval: a line on stdout and a row in the report (JSON, and CSV "
                        + "next to it). Growth is judged on the intervals: the mean of the last third against the mean of the "
                        + "first third. Memory (anonymous RSS, heap after GC, direct) fails when it grew by more than --max-memory-growth "
                        + "percent AND more than --memory-slack MB; threads and open files fail when they grew by more than "
                        + "--max-thread-growth / --max-file-growth. Intervals within --warm-up are not judged, and a figure "
                        + "with fewer than 3 judged intervals is not judged at all.",
        footer = {
            "",
            "Node figures: --node-pid reads /proc/<pid> (anonymous and file-backed RSS, threads, open files; mapped store files are reported, not judged); --actuator-url reads",
            "jvm.gc.live.data.size, jvm.buffer.memory.used{id=direct}, jvm.threads.live, process.files.open.",
            "Exit codes: 0 passed, 1 failed (the reasons on stderr and in the report), 2 bad arguments."
        })
public final class SoakCommand implements Callable<Integer> {
    private static final int FAILED = 1;

    private final Console console;
    private final LongPredicate recordDelivery;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-n", "--namesrv"},
            required = true,
            paramLabel = "host:port",
            description = "NameServer address")
    String nameServer;

    @Option(
            names = "--topic",
            defaultValue = "SoakTopic",
            description = "topic, created when missing; default ${DEFAULT-VALUE}")
    String topic;

    @Option(
            names = "--group",
            defaultValue = "soak",
            paramLabel = "G",
            description = "producer group G_producer, consumer group G_consumer; default ${DEFAULT-VALUE}")
    String group;

    @Option(
            names = "--queues",
            defaultValue = "8",
            description = "queues when the topic is created; default ${DEFAULT-VALUE}")
    int queues;

    @Option(names = "--threads", defaultValue = "8", description = "sending threads; default ${DEFAULT-VALUE}")
    int threads;

    @Option(
            names = "--size",
            defaultValue = "512",
            paramLabel = "BYTES",
            description = "body size; default ${DEFAULT-VALUE}")
    int size;

    @Option(
            names = "--rate",
            defaultValue = "0",
            paramLabel = "N",
            description = "messages per second; default: --rate-fraction of the maximum the ramp measures")
    int rate;

    @Option(
            names = "--rate-fraction",
            defaultValue = "0.5",
            paramLabel = "F",
            description = "share of the measured maximum to run at; default ${DEFAULT-VALUE}")
    double rateFraction;

    @Option(
            names = "--ramp",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "how long to send unpaced to measure the maximum; default ${DEFAULT-VALUE}")
    Duration ramp;

    @Option(
            names = "--duration",
            defaultValue = "10m",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "paced run time (30s, 60m); default ${DEFAULT-VALUE}")
    Duration duration;

    @Option(
            names = "--interval",
            defaultValue = "60s",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "recording interval; default ${DEFAULT-VALUE}")
    Duration interval;

    @Option(
            names = "--drain",
            defaultValue = "90s",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "how long after the run acknowledged messages may take to arrive (delays, check-backs);"
                    + " default ${DEFAULT-VALUE}")
    Duration drain;

    @Option(
            names = "--warm-up",
            defaultValue = "5m",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "intervals ending within this time are reported but not judged; default ${DEFAULT-VALUE}")
    Duration warmUp;

    @Option(
            names = "--consumers",
            defaultValue = "2",
            description = "push consumers in the group; default ${DEFAULT-VALUE}")
    int consumers;

    @Option(
            names = "--consumer-restart",
            defaultValue = "5m",
            converter = DurationConverter.class,
            paramLabel = "D",
            description = "restart one consumer this often; default ${DEFAULT-VALUE}")
    Duration consumerRestart;

    @Option(names = "--node-pid", defaultValue = "0", paramLabel = "PID", description = "the node's process id (local)")
    long nodePid;

    @Option(
            names = "--actuator-url",
            paramLabel = "URL",
            description = "the node's actuator, e.g. http://host:8080/actuator")
    String actuatorUrl;

    @Option(
            names = "--report",
            defaultValue = "soak-report.json",
            paramLabel = "FILE",
            description = "JSON report; the CSV goes next to it; default ${DEFAULT-VALUE}")
    Path report;

    @Option(
            names = "--max-memory-growth",
            defaultValue = "20",
            paramLabel = "PCT",
            description = "percent anonymous RSS, heap after GC or direct memory may grow; default ${DEFAULT-VALUE}")
    double maxMemoryGrowthPercent;

    @Option(
            names = "--memory-slack",
            defaultValue = "64",
            paramLabel = "MB",
            description = "growth below this many MB never fails; default ${DEFAULT-VALUE}")
    long memorySlackMb;

    @Option(
            names = "--max-thread-growth",
            defaultValue = "20",
            paramLabel = "N",
            description = "threads the node may gain; default ${DEFAULT-VALUE}")
    long maxThreadGrowth;

    @Option(
            names = "--max-file-growth",
            defaultValue = "50",
            paramLabel = "N",
            description = "open files the node may gain; default ${DEFAULT-VALUE}")
    long maxFileGrowth;

    public SoakCommand(Console console) {
        this(console, id -> true);
    }

    /** {@code recordDelivery}: the seam a test uses to lose a delivery on the consumer side. */
    SoakCommand(Console console, LongPredicate recordDelivery) {
        this.console = console;
        this.recordDelivery = recordDelivery;
    }

    @Override
    public Integer call() throws InterruptedException {
        SoakSettings settings = settings();
        Supplier<NodeResources> node = nodeResources();
        List<String> failures = new SoakRun(settings, console, node, recordDelivery).run();
        failures.forEach(reason -> console.info("soak failed: " + reason));
        return failures.isEmpty() ? 0 : FAILED;
    }

    SoakSettings settings() {
        positive("--queues", queues);
        positive("--threads", threads);
        positive("--consumers", consumers);
        if (size < SoakBody.OVERHEAD) {
            throw usage("--size must be at least " + SoakBody.OVERHEAD + " (run id, id and checksum)");
        }
        if (rate < 0) {
            throw usage("--rate must not be negative");
        }
        if (!(rateFraction > 0 && rateFraction <= 1)) {
            throw usage("--rate-fraction must be in (0, 1], was " + rateFraction);
        }
        if (maxMemoryGrowthPercent < 0 || memorySlackMb < 0 || maxThreadGrowth < 0 || maxFileGrowth < 0) {
            throw usage("the growth bounds must not be negative");
        }
        return new SoakSettings(
                nameServer,
                topic,
                group + "_producer",
                group + "_consumer",
                queues,
                threads,
                size,
                rate,
                rateFraction,
                ramp,
                duration,
                interval,
                drain,
                warmUp,
                consumers,
                consumerRestart,
                nodePid,
                actuatorUrl,
                report,
                new GrowthBounds(maxMemoryGrowthPercent, memorySlackMb << 20, maxThreadGrowth, maxFileGrowth),
                CredentialOptions.of(spec),
                TlsOptions.of(spec));
    }

    /** /proc first (the kernel's view), then the actuator for what /proc cannot tell. */
    private Supplier<NodeResources> nodeResources() {
        ProcResources proc;
        ActuatorResources actuator;
        try {
            proc = nodePid > 0 ? ProcResources.of(nodePid) : null;
            actuator = actuatorUrl != null ? new ActuatorResources(actuatorUrl) : null;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (proc == null && actuator == null) {
            console.info("no --node-pid or --actuator-url: the node's memory, threads and files are not recorded");
        }
        return () -> {
            NodeResources sample = proc != null ? proc.sample() : NodeResources.UNKNOWN;
            return actuator != null ? sample.orElse(actuator.sample()) : sample;
        };
    }

    private void positive(String option, int value) {
        if (value < 1) {
            throw usage(option + " must be at least 1");
        }
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
