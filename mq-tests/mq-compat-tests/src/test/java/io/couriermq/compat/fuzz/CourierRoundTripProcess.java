package io.couriermq.compat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.OurClientProgram;
import io.couriermq.harness.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Our producer and push consumer (io.couriermq.client) in a JVM of their own, run from the single source file
 * src/test/resources/fuzz/CourierRoundTrip.java on mq-tools.jar's classpath (which carries our client): our
 * Netty 4.2 cannot share this module's classpath with the official client's Netty 4.1. The program sends
 * {@code count} keyed messages, consumes them back in a new group and writes one report line per send and
 * per delivery; this class reads the report and asserts.
 */
final class CourierRoundTripProcess implements AutoCloseable {
    /** How long after the last expected delivery an extra (duplicate) delivery is still watched for. */
    private static final Duration DUPLICATE_WATCH = Duration.ofSeconds(1);

    private final ManagedProcess process;
    private final Path report;
    private final String topic;
    private final int count;

    private CourierRoundTripProcess(ManagedProcess process, Path report, String topic, int count) {
        this.process = process;
        this.report = report;
        this.topic = topic;
        this.count = count;
    }

    static CourierRoundTripProcess start(Path dir, String nameServerAddress, String topic, String group, int count) {
        Path report = dir.resolve("courier-round-trip.txt");
        ManagedProcess process = OurClientProgram.start(
                "courier-round-trip",
                "fuzz/CourierRoundTrip.java",
                dir,
                List.of(nameServerAddress, topic, group, Integer.toString(count), report.toString()));
        return new CourierRoundTripProcess(process, report, topic, count);
    }

    /**
     * Waits until every message was sent and delivered, then watches {@link #DUPLICATE_WATCH} for more, and
     * asserts: each of the {@code count} sends SEND_OK, each message delivered exactly once, first time,
     * with the id, body checksum, length, topic and tag it was sent with.
     */
    void assertEachSentOnceAndReceivedIntact(Duration timeout) {
        try {
            await("our client: " + count + " sent and received")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("our client's process exited");
                        }
                        return lines("received ").size() >= count;
                    });
            await("no delivery beyond the " + count + " expected")
                    .during(DUPLICATE_WATCH)
                    .atMost(DUPLICATE_WATCH.multipliedBy(2))
                    .until(() -> lines("received ").size() == count);
        } catch (ConditionTimeoutException | IllegalStateException e) {
            throw new AssertionError(
                    "our client after the fuzzer: " + lines("sent ").size() + " sent, "
                            + lines("received ").size()
                            + " received of " + count + "; " + (process.isAlive() ? "running" : "exited") + ", "
                            + process.logFile() + ":\n" + process.logTail(30),
                    e);
        }
        List<String[]> sent = lines("sent ");
        assertThat(sent).as("sends reported").hasSize(count);
        assertThat(sent).as("send status (sent STATUS key id crc length)").allSatisfy(line -> assertThat(line[1])
                .isEqualTo("SEND_OK"));
        Map<String, String[]> sentByKey = sent.stream().collect(Collectors.toMap(line -> line[2], Function.identity()));
        assertThat(sentByKey).as("distinct keys sent").hasSize(count);
        List<String[]> received = lines("received ");
        Map<String, String[]> receivedByKey =
                received.stream().collect(Collectors.toMap(line -> line[1], Function.identity(), (a, b) -> a));
        assertThat(receivedByKey.keySet()).as("keys received, each once").isEqualTo(sentByKey.keySet());
        for (String[] delivery : received) {
            String[] send = sentByKey.get(delivery[1]);
            // received key id crc length topic tags reconsumeTimes ms vs sent STATUS key id crc length ms
            assertThat(Arrays.asList(delivery).subList(0, 8))
                    .as("delivery of %s", delivery[1])
                    .containsExactly("received", send[2], send[3], send[4], send[5], topic, "RoundTrip", "0");
        }
    }

    /** The report's complete lines starting with {@code prefix}, split at spaces. */
    private List<String[]> lines(String prefix) {
        try {
            if (!Files.exists(report)) {
                return List.of();
            }
            String text = Files.readString(report, StandardCharsets.UTF_8);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            return complete.lines()
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> line.split(" "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
