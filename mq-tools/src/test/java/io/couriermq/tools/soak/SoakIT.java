package io.couriermq.tools.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.DurationConverter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak against a real NameServer and broker in this JVM, over real sockets; the node's figures come
 * from this JVM's /proc entry. {@code -Dsoak.duration} / {@code -Dsoak.interval} (the {@code -Psoak}
 * profile) make the passing run longer; its report stays in target/soak-it.
 */
class SoakIT {
    private static final Duration DURATION = DurationConverter.parse(System.getProperty("soak.duration", "30s"));
    private static final Duration INTERVAL = DurationConverter.parse(System.getProperty("soak.interval", "10s"));

    @TempDir
    Path dir;

    private NameServer nameServer;
    private Broker broker;
    private String nameServerAddress;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
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
                                "namesrvAddr", nameServerAddress,
                                "listenPort", "0",
                                "mappedFileSizeCommitLog", String.valueOf(64 << 20),
                                // check-backs within the drain, not after 30 s
                                "transactionTimeOut", "1000",
                                "transactionCheckInterval", "1000"),
                        dir.resolve("store"),
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !nameServer.routes().liveBrokers().isEmpty());
    }

    @AfterEach
    void stop() {
        broker.shutdown();
        nameServer.shutdown();
    }

    @Test
    void aSteadyRunPassesAndReportsEveryInterval() throws Exception {
        // kept after the run: a -Psoak hour's report is the point of it
        Path report = Path.of("target", "soak-it", "soak-report.json");

        int exit = soak(
                id -> true,
                "--topic",
                "SoakSteady",
                "--rate",
                "200",
                "--threads",
                "4",
                "--duration",
                DURATION.toMillis() + "ms",
                "--interval",
                INTERVAL.toMillis() + "ms",
                "--consumer-restart",
                "15s",
                "--drain",
                "40s",
                "--node-pid",
                Long.toString(ProcessHandle.current().pid()),
                // the node shares this JVM with the test and the tool: allow their warm-up, the bounds
                // themselves are judged in GrowthBoundsTest
                "--warm-up", // the first interval (the JVMs' warm-up) is reported, not judged
                INTERVAL.toMillis() + "ms",
                "--memory-slack",
                "256",
                "--report",
                report.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        long intervals = DURATION.toMillis() / INTERVAL.toMillis();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.stream().filter(line -> line.startsWith("INTERVAL "))).hasSize((int) intervals);
        assertThat(lines).anyMatch(line -> line.startsWith("RESULT soak PASSED"));

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("failures")).isEmpty();
        assertThat(json.get("intervals")).hasSize((int) intervals);
        for (JsonNode interval : json.get("intervals")) {
            assertThat(interval.get("sent").asLong())
                    .as("paced sends in %s", interval)
                    .isPositive();
            assertThat(interval.get("p99SendMs").asDouble()).isPositive();
            JsonNode node = interval.get("node");
            assertThat(node.get("anonRssBytes").asLong()).isPositive();
            assertThat(node.get("threads").asLong()).isPositive();
            assertThat(node.get("openFiles").asLong()).isPositive();
        }
        JsonNode totals = json.get("totals");
        assertThat(totals.get("failedSends").asLong()).isZero();
        assertThat(totals.get("outstandingAfterDrain").asLong()).isZero();
        JsonNode kinds = totals.get("acknowledgedByKind");
        for (MessageKind kind : MessageKind.values()) {
            assertThat(kinds.get(kind.name()).asLong()).as("%s exercised", kind).isPositive();
        }
        assertThat(Files.readAllLines(SoakReport.csvPath(report))).hasSize((int) intervals + 1);
    }

    @Test
    void aDeliveryTheConsumerLosesFailsTheRun() {
        long lost = 7; // a plain message (7 % 20 is not a special kind), sent in the ramp

        int exit = soak(
                id -> id != lost,
                "--topic",
                "SoakLossy",
                "--threads",
                "1",
                "--ramp",
                "2s",
                "--rate-fraction",
                "0.1",
                "--duration",
                "2s",
                "--interval",
                "1s",
                "--drain",
                "16s", // the last delayed and timer messages (10 s at most) and check-backs arrive; 7 never does
                "--report",
                dir.resolve("lossy.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RATE max_per_s=", "RESULT soak FAILED");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("soak failed: 1 acknowledged message(s) never consumed, e.g. 7 (NORMAL)");
    }

    private int soak(LongPredicate recordDelivery, String... options) {
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] args = Stream.concat(Stream.of("--namesrv", nameServerAddress), Stream.of(options))
                .toArray(String[]::new);
        CommandLine commandLine = new CommandLine(new SoakCommand(console, recordDelivery));
        commandLine.setOut(console.outWriter());
        commandLine.setErr(console.errWriter());
        return commandLine.execute(args);
    }
}
