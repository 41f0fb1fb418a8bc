package io.couriermq.compat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ManagedProcess;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A network fuzzer against a running broker and NameServer (each its own process): many connections
 * at once send mutated valid frames and random bytes ({@link FrameMutator}). Afterwards both processes
 * are alive; our servers' heap after a full GC, direct (Netty) memory and thread count come back near
 * what they were before ({@link #SLACK}), so memory kept per bad frame or connection fails the test once
 * it adds up beyond the slack; the official 5.2.0 producer and push consumer, and our own producer and
 * push consumer (in a JVM of their own, {@link CourierRoundTripProcess}), still send and receive through
 * them; and our servers' logs grew by a bounded number of lines, without a stack trace and without a
 * Netty leak report (a buffer dropped unreleased, however small): bad input is answered or the
 * connection closed, each cause logged once a minute.
 *
 * <p>The memory baseline is taken after a short warm-up round of the same fuzzer ({@link
 * #WARM_UP_SECONDS}), so what grows once to a working size (Netty's pool arenas, executor threads, JIT
 * code, the actuator's meters) is not counted as a leak; what grows with every bad frame still is.
 *
 * <p>{@code -Dfuzz.seed=N} replays a run (the seed is printed); {@code -Dfuzz.network.seconds} and
 * {@code -Dfuzz.network.connections} size it (8 s and 50 by default, longer under {@code -Pfuzz}).
 */
class NetworkFuzzIT {
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int SECONDS = Integer.getInteger("fuzz.network.seconds", 8);
    private static final int CONNECTIONS = Integer.getInteger("fuzz.network.connections", 50);
    /** Per cause two lines a minute at most, a few dozen causes: far below one line per connection. */
    private static final int MAX_NEW_LOG_LINES_PER_MINUTE = 200;
    /** How long the nodes may take to work off what the fuzzer queued before they serve again. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /** The fuzzer's first round, before the memory baseline. */
    private static final int WARM_UP_SECONDS = 2;
    /**
     * How far above its baseline a server may be after the fuzzer. Measured on seven 8 s runs (3,700 to 9,900
     * connections, 2 cores under a load average of 15 to 29), after minus baseline, broker and NameServer: heap
     * after GC -6.6 to +0.7 MiB, direct memory +0.3 to +1.1 MiB, threads 0 to +3; the slack is several times
     * that. What it catches: keeping each bad frame reachable plus 4 KiB (about 1,100 bad frames in a loaded
     * run) raised the broker's direct memory by 8.6 MiB and failed; a few KiB per bad frame and up is found in
     * verify, far less in the 10-minute {@code -Pfuzz} run.
     */
    static final ServerFootprint.Slack SLACK = new ServerFootprint.Slack(16L << 20, 8L << 20, 8);
    /**
     * How long our servers' footprint may take to come back within {@link #SLACK} after the fuzzer stopped. A
     * 60 s run with 159,000 connections was still 35 MiB over the baseline 30 s after the fuzzer (not
     * diagnosed; a likely part: fuzzed PULL_MESSAGEs held with their requests, 70 KB hostile fields included,
     * for up to 25 s from when the pull executor reaches them, seconds after the sockets closed). A passing
     * run comes back within a second or two, so the longer limit costs verify nothing.
     */
    private static final Duration FOOTPRINT_RECOVERY = Duration.ofSeconds(60);
    /** Messages our client sends and consumes back after the fuzzer. */
    private static final int OUR_CLIENT_MESSAGES = 100;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesAnswered = new AtomicLong();

    @Test
    void mutatedAndRandomFramesOnManyConnectionsLeaveBothNodesServingTheirMemoryFlatAndTheirLogsBounded()
            throws Exception {
        System.out.printf(
                "NetworkFuzzIT seed %d (-Dfuzz.seed=%d replays), %d s (after %d s of warm-up), %d connections at once%n",
                SEED, SEED, SECONDS, WARM_UP_SECONDS, CONNECTIONS);
        List<String> targets = List.of(cluster.broker().address(), cluster.nameServerAddress());
        // Our broker opens its port before Spring builds the actuator (threads, heap, log lines of its own):
        // the baselines below are of fully started servers.
        oursOf(cluster).forEach(server -> server.awaitSpringStarted(Duration.ofMinutes(2)));
        long brokerLinesBefore = lineCount(cluster.broker().process());
        long nameServerLinesBefore = lineCount(cluster.nameServer().process());
        List<ServerFootprint> footprints = new ArrayList<>();
        try {
            for (ManagedProcess ours : oursOf(cluster)) {
                footprints.add(ServerFootprint.attach(ours));
            }
            long warmUpStart = System.nanoTime();
            fuzz(targets, WARM_UP_SECONDS, 1);
            List<ServerFootprint.Sample> baseline =
                    footprints.stream().map(ServerFootprint::afterFullGc).toList();
            System.out.printf(
                    "NetworkFuzzIT: attach, warm-up and baseline took %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - warmUpStart));

            fuzz(targets, SECONDS, 2);

            System.out.printf(
                    "NetworkFuzzIT seed %d: %d connections, %d bytes sent, %d bytes answered%n",
                    SEED, connections.get(), bytesSent.get(), bytesAnswered.get());
            assertThat(connections.get()).as("connections made").isGreaterThan(CONNECTIONS);
            assertThat(cluster.broker().process().isAlive()).as("broker alive").isTrue();
            assertThat(cluster.nameServer().process().isAlive())
                    .as("NameServer alive")
                    .isTrue();
            assertFootprintsBackNearBaseline(footprints, baseline);
        } finally {
            footprints.forEach(ServerFootprint::close);
        }
        // Our client's JVM starts (seconds: it compiles its source) while the official client works.
        String ourTopic = topicCreatedAfterTheFuzzer("FuzzOurClientTopic");
        long ourStart = System.nanoTime();
        try (CourierRoundTripProcess ours = CourierRoundTripProcess.start(
                WorkDir.fresh("NetworkFuzzIT-our-client"),
                cluster.nameServerAddress(),
                ourTopic,
                Clients.unique("fuzz-ours"),
                OUR_CLIENT_MESSAGES)) {
            officialClientStillSendsAndReceives();
            ours.assertEachSentOnceAndReceivedIntact(RECOVERY);
        }
        System.out.printf(
                "NetworkFuzzIT: our client sent and received %d messages, %d ms after its JVM was started%n",
                OUR_CLIENT_MESSAGES, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ourStart));
        long allowed = MAX_NEW_LOG_LINES_PER_MINUTE * (1 + (WARM_UP_SECONDS + SECONDS) / 60);
        if (cluster.broker().kind() == ServerKind.COURIER) {
            assertBoundedLogWithoutStackTracesOrLeaks(cluster.broker().process(), brokerLinesBefore, allowed);
        }
        if (cluster.nameServer().kind() == ServerKind.COURIER) {
            assertBoundedLogWithoutStackTracesOrLeaks(cluster.nameServer().process(), nameServerLinesBefore, allowed);
        }
    }

    /** Our servers' processes: the memory bounds are ours to keep, not Apache RocketMQ's. */
    private static List<ManagedProcess> oursOf(CompatCluster cluster) {
        List<ManagedProcess> ours = new ArrayList<>();
        if (cluster.broker().kind() == ServerKind.COURIER) {
            ours.add(cluster.broker().process());
        }
        if (cluster.nameServer().kind() == ServerKind.COURIER) {
            ours.add(cluster.nameServer().process());
        }
        return ours;
    }

    /**
     * Samples (each after a full GC) until every server is within {@link #SLACK} of its baseline: the nodes
     * may still be working off requests the fuzzer queued, so the first sample can lie above. Memory kept per
     * bad input never comes back, and fails here after {@link #FOOTPRINT_RECOVERY}.
     */
    private void assertFootprintsBackNearBaseline(
            List<ServerFootprint> footprints, List<ServerFootprint.Sample> baseline) {
        List<String> exceeded = new ArrayList<>();
        List<ServerFootprint.Sample> last = new ArrayList<>(baseline);
        long start = System.nanoTime();
        try {
            await("our servers' heap, direct memory and threads back near their baseline")
                    .atMost(FOOTPRINT_RECOVERY)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        exceeded.clear();
                        for (int i = 0; i < footprints.size(); i++) {
                            ServerFootprint.Sample now = footprints.get(i).afterFullGc();
                            last.set(i, now);
                            for (String over : SLACK.exceeded(baseline.get(i), now)) {
                                exceeded.add(footprints.get(i).name() + ": " + over);
                            }
                        }
                        return exceeded.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "after the fuzzer (seed " + SEED + ", " + connections.get() + " connections) still over the"
                            + " baseline " + FOOTPRINT_RECOVERY + " later: " + exceeded,
                    e);
        } finally {
            for (int i = 0; i < footprints.size(); i++) {
                System.out.printf(
                        "NetworkFuzzIT seed %d: %s baseline %s, after the fuzzer %s (%d ms after it stopped)%n",
                        SEED,
                        footprints.get(i).name(),
                        baseline.get(i),
                        last.get(i),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
    }

    /** {@code round} keeps the rounds' inputs apart; each is replayed by the seed. */
    private void fuzz(List<String> targets, int seconds, int round) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < CONNECTIONS; worker++) {
                // one generator per worker, seeded from the run's seed: a worker's inputs replay exactly
                Random random = new Random(SEED * 31 + round * 1_000_003L + worker);
                running.add(workers.submit(() -> {
                    FrameMutator mutator = new FrameMutator(random);
                    while (System.nanoTime() < deadline) {
                        String target = targets.get(random.nextInt(4) == 0 ? 1 : 0);
                        oneConnection(target, mutator.nextWrite(), random.nextInt(3) == 0);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get(seconds + 60L, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Writes {@code input}, reads what comes back for a moment (answers are discarded), closes. */
    private void oneConnection(String address, byte[] input, boolean halfClose) {
        String[] hostPort = address.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2_000);
            connections.incrementAndGet();
            socket.setSoTimeout(50);
            OutputStream out = socket.getOutputStream();
            out.write(input);
            out.flush();
            bytesSent.addAndGet(input.length);
            if (halfClose) {
                socket.shutdownOutput();
            }
            drain(socket.getInputStream());
        } catch (IOException e) {
            // the server closed a connection it did not like: expected, the point is what it does next
        }
    }

    private void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        try {
            for (int read; System.nanoTime() < deadline && (read = in.read(buffer)) >= 0; ) {
                bytesAnswered.addAndGet(read);
            }
        } catch (SocketTimeoutException e) {
            // nothing more to read right now
        }
    }

    /**
     * The requests the fuzzer queued on the nodes' executors are still worked off after its sockets
     * closed, so the first admin call may wait behind them: it is retried until {@link #RECOVERY}.
     */
    private static String topicCreatedAfterTheFuzzer(String prefix) {
        String topic = Clients.unique(prefix);
        long start = System.nanoTime();
        await("topic " + topic + " created after the fuzzer")
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    cluster.admin().createTopic(cluster.broker(), topic, 2, Duration.ofSeconds(30));
                    return true;
                });
        System.out.printf(
                "NetworkFuzzIT: the node took topic %s %d ms after the fuzzer stopped%n",
                topic, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return topic;
    }

    private static void officialClientStillSendsAndReceives() throws Exception {
        String topic = topicCreatedAfterTheFuzzer("FuzzAfterTopic");
        LinkedBlockingQueue<MessageExt> received = new LinkedBlockingQueue<>();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            byte[] body = "after the fuzzer".getBytes(StandardCharsets.UTF_8);
            SendResult sent = producer.send(new Message(topic, "TagA", "after", body), 10_000);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("fuzz-after"));
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                received.addAll(messages);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            MessageExt first = received.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("the message sent after the fuzzer, consumed").isNotNull();
            assertThat(first.getMsgId()).isEqualTo(sent.getMsgId());
            assertThat(first.getBody()).isEqualTo(body);
        }
    }

    private static void assertBoundedLogWithoutStackTracesOrLeaks(
            ManagedProcess process, long linesBefore, long allowed) throws IOException {
        List<String> lines = Files.readAllLines(process.logFile(), StandardCharsets.UTF_8);
        List<String> added = lines.subList((int) Math.min(linesBefore, lines.size()), lines.size());
        List<String> stackFrames =
                added.stream().filter(line -> line.startsWith("\tat ")).toList();
        String shown = String.join("\n", added.subList(0, Math.min(80, added.size())));
        assertThat(stackFrames)
                .as("stack trace lines in %s after the fuzzer (seed %d):%n%s", process.logFile(), SEED, shown)
                .isEmpty();
        // Netty's leak detector (SIMPLE, its default: one allocation in 128 tracked) reports a ByteBuf collected
        // unreleased once the forced GCs above collected it; thousands of bad frames make a per-frame leak certain
        // to be sampled. A leak kept reachable is the footprint check's to find.
        assertThat(added.stream().filter(line -> line.contains("LEAK:")).toList())
                .as("Netty's leak reports in %s after the fuzzer (seed %d)", process.logFile(), SEED)
                .isEmpty();
        assertThat(added)
                .as("lines %s logged during the fuzzer (seed %d):%n%s", process.logFile(), SEED, shown)
                .hasSizeLessThanOrEqualTo((int) allowed);
    }

    private static long lineCount(ManagedProcess process) throws IOException {
        Path log = process.logFile();
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
