package io.couriermq.compat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ManagedProcess;
import io.couriermq.harness.process.ServerKind;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A network fuzzer against a running broker and NameServer (each its own process): many connections
 * at once send mutated valid frames and random bytes ({@link FrameMutator}). Afterwards both processes
 * are alive, the official 5.2.0 producer and push consumer still send and receive through them, and
 * our servers' logs grew by a bounded number of lines without a stack trace: bad input is answered or
 * the connection closed, each cause logged once a minute.
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

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesAnswered = new AtomicLong();

    @Test
    void mutatedAndRandomFramesOnManyConnectionsLeaveBothNodesServingAndTheirLogsBounded() throws Exception {
        System.out.printf(
                "NetworkFuzzIT seed %d (-Dfuzz.seed=%d replays), %d s, %d connections at once%n",
                SEED, SEED, SECONDS, CONNECTIONS);
        List<String> targets = List.of(cluster.broker().address(), cluster.nameServerAddress());
        long brokerLinesBefore = lineCount(cluster.broker().process());
        long nameServerLinesBefore = lineCount(cluster.nameServer().process());

        fuzz(targets);

        System.out.printf(
                "NetworkFuzzIT seed %d: %d connections, %d bytes sent, %d bytes answered%n",
                SEED, connections.get(), bytesSent.get(), bytesAnswered.get());
        assertThat(connections.get()).as("connections made").isGreaterThan(CONNECTIONS);
        assertThat(cluster.broker().process().isAlive()).as("broker alive").isTrue();
        assertThat(cluster.nameServer().process().isAlive())
                .as("NameServer alive")
                .isTrue();
        officialClientStillSendsAndReceives();
        long allowed = MAX_NEW_LOG_LINES_PER_MINUTE * (1 + SECONDS / 60);
        if (cluster.broker().kind() == ServerKind.COURIER) {
            assertBoundedLogWithoutStackTraces(cluster.broker().process(), brokerLinesBefore, allowed);
        }
        if (cluster.nameServer().kind() == ServerKind.COURIER) {
            assertBoundedLogWithoutStackTraces(cluster.nameServer().process(), nameServerLinesBefore, allowed);
        }
    }

    private void fuzz(List<String> targets) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < CONNECTIONS; worker++) {
                // one generator per worker, seeded from the run's seed: a worker's inputs replay exactly
                Random random = new Random(SEED * 31 + worker);
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
                worker.get(SECONDS + 60L, TimeUnit.SECONDS);
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
    private static void officialClientStillSendsAndReceives() throws Exception {
        String topic = Clients.unique("FuzzAfterTopic");
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
                "NetworkFuzzIT: the node took a new topic %d ms after the fuzzer stopped%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
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

    private static void assertBoundedLogWithoutStackTraces(ManagedProcess process, long linesBefore, long allowed)
            throws IOException {
        List<String> lines = Files.readAllLines(process.logFile(), StandardCharsets.UTF_8);
        List<String> added = lines.subList((int) Math.min(linesBefore, lines.size()), lines.size());
        List<String> stackFrames =
                added.stream().filter(line -> line.startsWith("\tat ")).toList();
        String shown = String.join("\n", added.subList(0, Math.min(80, added.size())));
        assertThat(stackFrames)
                .as("stack trace lines in %s after the fuzzer (seed %d):%n%s", process.logFile(), SEED, shown)
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
