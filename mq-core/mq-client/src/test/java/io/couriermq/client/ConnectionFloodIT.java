package io.couriermq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.test.EmbeddedCluster;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, bounded resources: a flood of new connections from one address (opened and dropped at
 * once, sending garbage, or held open) while a producer and a consumer that connected first keep
 * working. The broker's port allows {@value #PER_ADDRESS} connections per address
 * (maxConnectionsPerAddress), refuses the rest at once and logs the refusals once per window.
 */
class ConnectionFloodIT {
    private static final int PER_ADDRESS = 50;
    private static final String TOPIC = "ItFlood";
    private static final Duration FLOOD = Duration.ofSeconds(4);
    private static final int SENDS_DURING_FLOOD = 20;
    /** Each flooding thread's cap, so the flood cannot run out of loopback ports on a fast machine. */
    private static final int MAX_CONNECTIONS_PER_THREAD = 3_000;

    @TempDir
    Path dir;

    private EmbeddedCluster cluster;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger courierLog = (Logger) LoggerFactory.getLogger("io.couriermq");

    @BeforeEach
    void start() {
        cluster = EmbeddedCluster.builder()
                .parentDirectory(dir)
                .brokerSetting("maxConnectionsPerAddress", String.valueOf(PER_ADDRESS))
                .start();
        cluster.createTopic(TOPIC, 4);
    }

    @AfterEach
    void stop() throws Exception {
        courierLog.detachAppender(logged);
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).close();
        }
        cluster.close();
    }

    @Test
    void clientsConnectedBeforeTheFloodKeepSendingAndReceivingAndTheBrokerAcceptsClientsAfterIt() throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        PushConsumer consumer = consumer(received);
        Producer producer = producer("before");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> consumer.assignment().stream()
                                .filter(queue -> queue.topic().equals(TOPIC))
                                .count()
                        == 4);
        send(producer, "warmup");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("warmup"));

        logged.start();
        courierLog.addAppender(logged);
        InetSocketAddress broker = new InetSocketAddress(
                EmbeddedCluster.HOST, cluster.broker("broker-a").broker().listenPort());
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        List<Socket> held = new ArrayList<>();
        ExecutorService flood = Executors.newFixedThreadPool(4);
        List<Future<?>> floods = List.of(
                flood.submit(() -> churn(broker, flooding, opened, false)),
                flood.submit(() -> churn(broker, flooding, opened, false)),
                flood.submit(() -> churn(broker, flooding, opened, true)),
                flood.submit(() -> hold(broker, flooding, opened, held)));

        List<String> sent = new ArrayList<>();
        long end = System.nanoTime() + FLOOD.toNanos();
        // for the flood's time, and on until some sends went through it however slow a shared machine is
        while (System.nanoTime() < end || sent.size() < SENDS_DURING_FLOOD) {
            String body = "during-" + sent.size();
            assertThat(send(producer, body)).as("send of %s", body).isEqualTo(SendStatus.SEND_OK);
            sent.add(body);
        }
        flooding.set(false);
        for (Future<?> each : floods) {
            each.get(30, TimeUnit.SECONDS);
        }
        flood.shutdown();

        assertThat(opened.get()).as("connections the flood opened").isGreaterThan(1_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.containsAll(sent));
        // the refused ones were closed at once: the holder got at most what the per-address allowance
        // left after the producer's and the consumer's connections
        assertThat(held).hasSizeBetween(1, PER_ADDRESS - 2);
        // the log stays bounded: one refusal line per window, not one per connection
        List<ILoggingEvent> lines = loggedSoFar();
        List<ILoggingEvent> refusals = lines.stream()
                .filter(event -> event.getLoggerName().endsWith("ConnectionLimiter"))
                .toList();
        assertThat(refusals).hasSizeBetween(1, 2);
        assertThat(lines).as("every WARN and ERROR line during the flood").hasSizeLessThan(40);
        assertThat(lines).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));

        for (Socket socket : held) {
            socket.close();
        }
        Producer after = producer("after");
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> send(after, "after") == SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("after"));
    }

    /** What was logged since the appender was attached; logback appends under the appender's lock. */
    private List<ILoggingEvent> loggedSoFar() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    /** Opens and drops connections as fast as it can; with {@code garbage}, writes bytes that are no frame first. */
    private static int churn(InetSocketAddress broker, AtomicBoolean flooding, AtomicInteger opened, boolean garbage) {
        byte[] junk = new byte[64];
        int count = 0;
        while (flooding.get() && count < MAX_CONNECTIONS_PER_THREAD) {
            try (Socket socket = new Socket()) {
                socket.setSoLinger(true, 0); // reset, not TIME_WAIT: the flood must not use up loopback ports
                socket.connect(broker, 1_000);
                count++;
                opened.incrementAndGet();
                if (garbage) {
                    ThreadLocalRandom.current().nextBytes(junk);
                    junk[0] = 0x7f; // a frame length far over any limit
                    socket.getOutputStream().write(junk);
                }
            } catch (IOException refusedOrReset) {
                // the broker closing a refused connection under our feet is what it should do
            }
        }
        return count;
    }

    /**
     * Opens connections and keeps the ones the broker keeps: a connection the broker refuses reads end
     * of stream at once; one it admitted stays open with nothing to read.
     */
    private static int hold(InetSocketAddress broker, AtomicBoolean flooding, AtomicInteger opened, List<Socket> held) {
        while (flooding.get() && held.size() < 2 * PER_ADDRESS) {
            Socket socket = new Socket();
            try {
                socket.connect(broker, 1_000);
                opened.incrementAndGet();
                socket.setSoTimeout(200);
                InputStream in = socket.getInputStream();
                if (in.read() < 0) {
                    socket.close();
                }
            } catch (SocketTimeoutException admitted) {
                held.add(socket);
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return held.size();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private PushConsumer consumer(Set<String> received) {
        ClientRuntime runtime = runtime("flood-consumer");
        PushConsumer consumer = PushConsumer.create(
                runtime,
                ConsumerConfig.builder("cg-flood")
                        .rebalanceIntervalMs(500)
                        .persistOffsetIntervalMs(500)
                        .shutdownAwaitMs(1_000)
                        .offsetStoreDir(dir.resolve("offsets"))
                        .build(),
                (message, context) -> {
                    received.add(new String(message.body(), StandardCharsets.UTF_8));
                    return ConsumeResult.SUCCESS;
                });
        clients.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    private Producer producer(String name) {
        Producer producer = Producer.start(
                runtime("flood-producer-" + name),
                ProducerConfig.builder("it-flood-" + name).build());
        clients.add(producer);
        return producer;
    }

    private ClientRuntime runtime(String instanceName) {
        ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                .instanceName(instanceName)
                .clientIp(EmbeddedCluster.HOST)
                .build());
        clients.add(runtime);
        return runtime;
    }

    private static SendStatus send(Producer producer, String body) {
        return producer.send(OutgoingMessage.builder(TOPIC, body.getBytes(StandardCharsets.UTF_8))
                        .build())
                .status();
    }
}
