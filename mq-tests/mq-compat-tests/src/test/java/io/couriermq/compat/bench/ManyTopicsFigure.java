package io.couriermq.compat.bench;

import io.couriermq.compat.bench.LoadClient.Program;
import io.couriermq.compat.bench.Results.Row;
import io.couriermq.harness.process.Broker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;

/**
 * Issue 15's scale figure: a broker holding {@code --topics} (10,000) topics of 8 queues each, sync sends
 * spread evenly over all of them (one queue of every topic before the next queue of any), against the sync
 * figure's one topic. Both systems read the same topic table at start-up ({@code store/config/topics.json},
 * whose format they share), so neither is measured creating topics one request at a time (RocketMQ 5.2.0
 * rewrites its whole table per created topic).
 *
 * <p>A broker acknowledges a send once the message is in its commit log and makes it consumable later, when
 * its dispatcher has written the consume-queue entry; with tens of thousands of queues that second step can
 * fall far behind. So each phase counts until the broker has dispatched everything (its
 * {@code dispatchBehindBytes} is 0): the rate is messages made consumable per second. Three figures: launch
 * to every topic routable at the NameServer; one message to every queue (each queue's files created); then
 * sync sends for {@code --duration} over queues that all exist, after one more message to every queue in the
 * same client JVM (unreported), so the client knows every topic's route.
 */
final class ManyTopicsFigure {
    static final String TOPIC_PREFIX = "SideBySide";
    private static final int QUEUES = 8;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(120);
    /** A bound for a dispatcher that never catches up, not a timing claim. */
    private static final Duration DISPATCH_TIMEOUT = Duration.ofMinutes(20);

    private final SideBySideOptions options;
    private final LoadClient client;
    private final Results results;
    private final Broker.Settings benchBroker;

    ManyTopicsFigure(SideBySideOptions options, LoadClient client, Results results, List<String> brokerJvmOptions) {
        this.options = options;
        this.client = client;
        this.results = results;
        this.benchBroker = Broker.Settings.defaults().withJvmOptions(brokerJvmOptions);
    }

    static Row sendRow(int sizeBytes, int topics) {
        return new Row(
                String.format(
                        Locale.ROOT,
                        "sync send %s, 32 threads, spread over %,d topics x %d queues, until dispatched",
                        LoadFigures.sizeLabel(sizeBytes),
                        topics,
                        QUEUES),
                "msg/s",
                false);
    }

    static Row firstMessageRow(int topics) {
        return new Row(
                String.format(
                        Locale.ROOT,
                        "first message to each of %,d queues (files created), until dispatched",
                        topics * QUEUES),
                "msg/s",
                false);
    }

    static Row launchRow(int topics) {
        return new Row(
                String.format(Locale.ROOT, "launch with %,d topics -> every route at the NameServer", topics),
                "ms",
                true);
    }

    void run(Contender contender, int round) {
        Path dir = LoadFigures.dir(Figure.MANY_TOPICS, contender, round);
        writeTopicTable(dir.resolve("broker/store/config/topics.json"), options.topics());
        try (Deployment system = Deployment.nameServerOnly(contender, dir)) {
            String load = MachineInfo.loadAverage();
            long start = System.nanoTime();
            LaunchFigure.startReturningAtPortOpen(system, contender, dir.resolve("broker"), benchBroker);
            system.awaitRegistered(Duration.ofMillis(50));
            system.awaitRoute(topicName(options.topics() - 1), ROUTE_TIMEOUT);
            double launchMs = (System.nanoTime() - start) / 1e6;
            results.add(launchRow(options.topics()), contender, launchMs);
            results.raw(String.format(
                    Locale.ROOT,
                    "%s load=\"%s\" topics=%d routable_ms=%.0f",
                    LoadFigures.prefix(Figure.MANY_TOPICS, contender, round),
                    load,
                    options.topics(),
                    launchMs));

            long everyQueueOnce = (long) options.topics() * QUEUES;
            List<String> firstMessages = new ArrayList<>(args(system));
            firstMessages.addAll(List.of("--messages", Long.toString(everyQueueOnce)));
            double firstRate = untilDispatched(
                    system,
                    firstMessages,
                    Duration.ofSeconds(300 + everyQueueOnce / 200),
                    contender,
                    round,
                    "first-message-each-queue");
            results.add(firstMessageRow(options.topics()), contender, firstRate);

            List<String> measured = new ArrayList<>(args(system));
            // every queue once more first, in the measuring JVM: the official client fetches a topic's route at
            // its first send to it, 10,000 lookups that would otherwise fall in the measured time
            measured.addAll(List.of(
                    "--warmup-messages",
                    Long.toString(everyQueueOnce),
                    "--duration",
                    SideBySideOptions.benchDuration(options.duration())));
            double rate = untilDispatched(
                    system, measured, options.duration().multipliedBy(2).plusSeconds(300), contender, round, "spread");
            results.add(sendRow(options.sizeBytes(), options.topics()), contender, rate);
        }
    }

    /** Runs the sends, waits until the broker has dispatched them all; messages per second over both. */
    private double untilDispatched(
            Deployment system, List<String> args, Duration timeout, Contender contender, int round, String phase) {
        String load = MachineInfo.loadAverage();
        long start = System.nanoTime();
        BenchLine line = client.run(Program.OFFICIAL_PRODUCER, args, timeout);
        long sent = System.nanoTime();
        Awaitility.await(phase + " dispatched by " + contender.title())
                .atMost(DISPATCH_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> system.dispatchBehindBytes() == 0);
        long dispatched = System.nanoTime();
        // the client's own start (JVM, routes of every topic) is not the broker's: count its send time only
        double seconds = line.number("seconds") + (dispatched - sent) / 1e9;
        double rate = line.number("messages") / seconds;
        results.raw(String.format(
                Locale.ROOT,
                "%s phase=%s load=\"%s\" client=\"%s\" dispatched_after_s=%.1f until_dispatched_tps=%.1f"
                        + " client_wall_s=%.1f %s",
                LoadFigures.prefix(Figure.MANY_TOPICS, contender, round),
                phase,
                load,
                Program.OFFICIAL_PRODUCER.title(),
                (dispatched - sent) / 1e9,
                rate,
                (sent - start) / 1e9,
                line.line()));
        return rate;
    }

    private List<String> args(Deployment system) {
        return List.of(
                "produce-sync",
                "--threads",
                "32",
                "--namesrv",
                system.nameServerAddress(),
                "--topic",
                TOPIC_PREFIX,
                "--topics",
                Integer.toString(options.topics()),
                "--size",
                Integer.toString(options.sizeBytes()));
    }

    /** The load generator's name for topic {@code index} of {@code --topics}. */
    static String topicName(int index) {
        return TOPIC_PREFIX + "-" + index;
    }

    /**
     * The topic table both brokers load at start-up: RocketMQ's {@code topics.json} layout (a data version and
     * {@code topicConfigTable}), which ours reads too; system topics are added by each broker itself.
     */
    static void writeTopicTable(Path file, int topics) {
        StringBuilder json = new StringBuilder(topics * 200);
        json.append("{\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":")
                .append(System.currentTimeMillis())
                .append("},\"topicConfigTable\":{");
        for (int index = 0; index < topics; index++) {
            String name = topicName(index);
            json.append(index == 0 ? "" : ",")
                    .append('"')
                    .append(name)
                    .append("\":{\"topicName\":\"")
                    .append(name)
                    .append("\",\"readQueueNums\":")
                    .append(QUEUES)
                    .append(",\"writeQueueNums\":")
                    .append(QUEUES)
                    .append(",\"perm\":6,\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false,")
                    .append("\"attributes\":{}}");
        }
        json.append("}}");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the topic table " + file, e);
        }
    }

    /**
     * Many topics against one, as the issue asks (at least 80 %): each system's median here over its median of
     * the one-topic sync figure of the same run; empty when either was not measured.
     */
    static String againstOneTopic(Results results, int sizeBytes, int topics) {
        Row many = sendRow(sizeBytes, topics);
        Row one = LoadFigures.syncRow(sizeBytes);
        StringBuilder line = new StringBuilder();
        for (Contender contender : Contender.values()) {
            double ratio = results.median(many, contender) / results.median(one, contender);
            if (!Double.isNaN(ratio) && !Double.isInfinite(ratio)) {
                line.append(line.length() == 0 ? "" : ", ")
                        .append(contender.title())
                        .append(String.format(Locale.ROOT, " %.0f %%", ratio * 100));
            }
        }
        return line.length() == 0
                ? ""
                : String.format(
                                Locale.ROOT,
                                "Sync sends spread over %,d topics (until dispatched) as a share of one topic's: ",
                                topics)
                        + line + ".\n\n";
    }
}
