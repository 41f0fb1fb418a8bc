package io.couriermq.compat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.BenchCommand;
import io.couriermq.tools.bench.TopicRoute;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The load generator's runners with the official 5.2.0 producer as transport, against the selected broker
 * (ours by default): every producing mode sends its few hundred messages without an error, and the broker
 * holds all of them. Not a performance test: no timing is asserted.
 */
class OfficialClientBenchIT {
    private static final String TOPIC = "OfficialBenchTopic";

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void everyProducingModeSendsThroughTheOfficialProducer() {
        Map<String, String> sync = bench("produce-sync", "--messages", "300", "--threads", "4", "--size", "256");
        Map<String, String> async = bench("produce-async", "--messages", "300", "--in-flight", "50");
        Map<String, String> batch = bench("produce-batch", "--messages", "320", "--batch", "32", "--threads", "2");
        Map<String, String> oneway = bench("produce-oneway", "--messages", "200", "--threads", "2");

        assertThat(sync).containsEntry("messages", "300").containsEntry("errors", "0");
        assertThat(Double.parseDouble(sync.get("p99_ms"))).isPositive();
        assertThat(async).containsEntry("messages", "300").containsEntry("errors", "0");
        assertThat(batch).containsEntry("messages", "320").containsEntry("errors", "0");
        assertThat(oneway).containsEntry("messages", "200").containsEntry("errors", "0");
        try (OfficialClientTransport transport =
                OfficialClientTransport.start(cluster.nameServerAddress(), "bench_check")) {
            TopicRoute route = transport.route(TOPIC).orElseThrow();
            assertThat(route.writableQueues()).hasSize(4);
            await("all 1120 messages stored, oneway ones included")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> route.writableQueues().stream()
                                    .mapToLong(queue -> transport.maxOffset(TOPIC, queue))
                                    .sum()
                            == 1120);
        }
    }

    @Test
    void onlyProducingModesAndTheOfficialTransportAreOffered() {
        assertThat(run("consume")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("measures producing only");
        assertThat(run("produce-sync", "--transport", "client")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("runs the official client only");
    }

    private Map<String, String> bench(String mode, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new BenchCommand(new Console(print(out), print(err)), new OfficialClientTransports())
                .run(args(mode, options));

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

    private int run(String mode, String... options) {
        return new BenchCommand(
                        new Console(print(new ByteArrayOutputStream()), print(err)), new OfficialClientTransports())
                .run(args(mode, options));
    }

    private String[] args(String mode, String... options) {
        return Stream.concat(
                        Stream.of(mode, "--namesrv", cluster.nameServerAddress(), "--topic", TOPIC, "--queues", "4"),
                        Arrays.stream(options))
                .toArray(String[]::new);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
