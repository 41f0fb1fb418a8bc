package io.couriermq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.tools.Console;
import io.couriermq.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against a real NameServer and Broker in this JVM, over real sockets. */
class BenchIT {
    private static final String TOPIC = "BenchTopic";

    @TempDir
    Path storeDir;

    private NameServer nameServer;
    private Broker broker;
    private String nameServerAddress;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        nameServer = new NameServer(
                new NameServerConfig(
                        RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), 120_000, 1_000, false),
                Clock.system());
        nameServer.start();
        nameServerAddress = "127.0.0.1:" + nameServer.listenPort();
        broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "namesrvAddr",
                                nameServerAddress,
                                "listenPort",
                                "0",
                                "mappedFileSizeCommitLog",
                                String.valueOf(16 << 20)),
                        storeDir,
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        // Registration is asynchronous; the tool needs the broker listed to create its topic.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !nameServer.routes().liveBrokers().isEmpty());
    }

    @AfterEach
    void stop() {
        broker.shutdown();
        nameServer.shutdown();
    }

    @Test
    void everyProducedMessageIsConsumedWithoutErrors() {
        Map<String, String> sync = bench("produce-sync", "--messages", "200", "--threads", "4", "--size", "256");
        assertThat(sync).containsEntry("messages", "200").containsEntry("errors", "0");
        assertThat(Double.parseDouble(sync.get("p99_ms"))).isPositive();

        Map<String, String> batch = bench("produce-batch", "--messages", "640", "--batch", "64", "--threads", "2");
        assertThat(batch).containsEntry("messages", "640").containsEntry("errors", "0");

        Map<String, String> async = bench("produce-async", "--messages", "500", "--in-flight", "50", "--threads", "2");
        assertThat(async).containsEntry("messages", "500").containsEntry("errors", "0");

        Map<String, String> oneway = bench("produce-oneway", "--messages", "300", "--threads", "2");
        assertThat(oneway).containsEntry("messages", "300").containsEntry("errors", "0");
        // Nothing answers a oneway send: wait until the broker has stored all of them before draining.
        await().atMost(Duration.ofSeconds(10)).until(() -> storedMessages() == 1640);

        Map<String, String> consume = bench("consume", "--threads", "4");
        assertThat(consume)
                .as("every message sent, oneway ones included, is drained")
                .containsEntry("messages", "1640")
                .containsEntry("errors", "0");
    }

    @Test
    void theDefaultClientTransportSendsToTheQueueTheRunnerPicks() {
        Map<String, String> sync = bench("produce-sync", "--messages", "200", "--threads", "4");
        Map<String, String> async = bench("produce-async", "--messages", "200", "--in-flight", "20");

        assertThat(sync).containsEntry("messages", "200").containsEntry("errors", "0");
        assertThat(async).containsEntry("messages", "200").containsEntry("errors", "0");
        assertThat(IntStream.range(0, 4).mapToLong(queueId -> broker.store().maxOffset(TOPIC, queueId)))
                .as("round robin over 4 queues, through the selector: 100 messages in each")
                .containsOnly(100L);
    }

    @Test
    void theRemotingTransportStillSendsAndAnUnknownTransportIsBadUsage() {
        Map<String, String> sync =
                bench("produce-sync", "--messages", "100", "--threads", "2", "--transport", "remoting");
        Map<String, String> async = bench("produce-async", "--messages", "100", "--transport", "remoting");
        assertThat(sync).containsEntry("messages", "100").containsEntry("errors", "0");
        assertThat(async).containsEntry("messages", "100").containsEntry("errors", "0");

        int exit = Main.run(
                new String[] {
                    "bench", "produce-sync", "--namesrv", nameServerAddress, "--topic", TOPIC, "--transport", "carrier"
                },
                console());
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--transport must be client or remoting");
    }

    @Test
    void latencyIsMeasuredEndToEnd() {
        Map<String, String> latency = bench("latency", "--messages", "100", "--rate", "500", "--size", "64");

        assertThat(latency).containsEntry("messages", "100").containsEntry("errors", "0");
        assertThat(Double.parseDouble(latency.get("p50_ms"))).isPositive();
    }

    @Test
    void anUnknownTopicCannotBeConsumed() {
        int exit = Main.run(
                new String[] {"bench", "consume", "--namesrv", nameServerAddress, "--topic", "Nobody"}, console());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no route for topic Nobody");
    }

    @Test
    void badArgumentsPrintUsage() {
        assertThat(Main.run(new String[] {"bench", "produce-sync", "--topic", TOPIC}, console()))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--namesrv is required", "modes:");
    }

    private long storedMessages() {
        return IntStream.range(0, 4)
                .mapToLong(queueId -> broker.store().maxOffset(TOPIC, queueId))
                .sum();
    }

    private Map<String, String> bench(String mode, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = Stream.concat(
                        Stream.of("bench", mode, "--namesrv", nameServerAddress, "--topic", TOPIC, "--queues", "4"),
                        Arrays.stream(options))
                .toArray(String[]::new);

        int exit = Main.run(args, new Console(new PrintStream(out, true, StandardCharsets.UTF_8), printStream(err)));

        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(line).startsWith("RESULT mode=" + mode).doesNotContain("\n");
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            fields.put(keyValue[0], keyValue[1]);
        }
        return fields;
    }

    private Console console() {
        return new Console(printStream(new ByteArrayOutputStream()), printStream(err));
    }

    private static PrintStream printStream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
