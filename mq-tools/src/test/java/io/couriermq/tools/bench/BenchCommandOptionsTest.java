package io.couriermq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.remoting.netty.tls.TlsClientSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The bench command line as picocli reads it into {@link BenchOptions}. */
class BenchCommandOptionsTest {

    @Test
    void defaultsFillWhatIsNotGiven() {
        BenchOptions options = BenchCommand.parse("produce-sync", "--namesrv", "h:9876", "--topic", "T");

        assertThat(options.mode()).isEqualTo(BenchMode.PRODUCE_SYNC);
        assertThat(options.nameServer()).isEqualTo("h:9876");
        assertThat(options.topic()).isEqualTo("T");
        assertThat(options.threads()).isEqualTo(32);
        assertThat(options.sizeBytes()).isEqualTo(1024);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.boundedByMessages()).isFalse();
        assertThat(options.inFlight()).isEqualTo(2000);
        assertThat(options.batchSize()).isEqualTo(64);
        assertThat(options.ratePerSecond()).isEqualTo(1000);
        assertThat(options.group()).isEqualTo("bench_group");
        assertThat(options.queues()).isEqualTo(8);
        assertThat(options.fromOffset()).isEqualTo(-1);
        assertThat(options.transport()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchCommand.parse(
                "latency",
                "-n",
                "h:1",
                "--topic",
                "T",
                "--threads",
                "4",
                "--size",
                "64",
                "--duration",
                "1500ms",
                "--messages",
                "10",
                "--in-flight",
                "7",
                "--batch",
                "3",
                "--rate",
                "50",
                "--group",
                "G",
                "--queues",
                "2",
                "--from-offset",
                "5",
                "--transport",
                "remoting");

        assertThat(options)
                .isEqualTo(new BenchOptions(
                        BenchMode.LATENCY,
                        "h:1",
                        "T",
                        1,
                        4,
                        64,
                        Duration.ofMillis(1500),
                        10,
                        0,
                        7,
                        3,
                        50,
                        "G",
                        2,
                        5,
                        "remoting",
                        null,
                        TlsClientSettings.disabled()));
    }

    @Test
    void messagesAloneBoundTheRunAndConsumeRunsUntilCaughtUp() {
        assertThat(BenchCommand.parse("produce-batch", "--namesrv", "h:1", "--topic", "T", "--messages", "640")
                        .duration())
                .isNull();
        assertThat(BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T")
                        .duration())
                .isNull();
    }

    @Test
    void durationsTakeUnits() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void mistakesNameTheOption() {
        assertThatThrownBy(() -> BenchCommand.parse())
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("missing mode");
        assertThatThrownBy(() -> BenchCommand.parse("produce-fast", "--namesrv", "h:1"))
                .hasMessageContaining("unknown mode 'produce-fast'");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--topic", "T"))
                .hasMessageContaining("--namesrv is required");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--threads"))
                .hasMessageContaining("--threads");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--speed", "9"))
                .hasMessageContaining("Unknown option")
                .hasMessageContaining("--speed");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--threads", "x"))
                .hasMessageContaining("--threads")
                .hasMessageContaining("'x' is not an int");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--threads", "0"))
                .hasMessageContaining("--threads must be between 1");
        assertThatThrownBy(
                        () -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--duration", "soon"))
                .hasMessageContaining("--duration")
                .hasMessageContaining("not a duration");
    }

    @Test
    void topicsNameTheTopicsTheSendsSpreadOver() {
        assertThat(BenchCommand.parse("produce-sync", "--namesrv", "h:1", "--topic", "T")
                        .topicNames())
                .containsExactly("T");
        assertThat(BenchCommand.parse("produce-sync", "--namesrv", "h:1", "--topic", "T", "--topics", "3")
                        .topicNames())
                .containsExactly("T-0", "T-1", "T-2");
        assertThatThrownBy(
                        () -> BenchCommand.parse("produce-sync", "--namesrv", "h:1", "--topic", "T", "--topics", "0"))
                .hasMessageContaining("--topics must be between 1");
        assertThatThrownBy(() -> BenchCommand.parse("consume", "--namesrv", "h:1", "--topic", "T", "--topics", "2"))
                .hasMessageContaining("--topics applies to the sending modes only");
        assertThat(BenchCommand.parse("produce-sync", "--namesrv", "h:1", "--topic", "T", "--warmup-messages", "80")
                        .warmupMessages())
                .isEqualTo(80);
        assertThatThrownBy(() ->
                        BenchCommand.parse("latency", "--namesrv", "h:1", "--topic", "T", "--warmup-messages", "8"))
                .hasMessageContaining("--warmup-messages applies to the sending modes only");
    }
}
