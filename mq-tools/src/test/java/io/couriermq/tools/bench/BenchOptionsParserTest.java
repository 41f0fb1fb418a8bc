package io.couriermq.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsParserTest {

    @Test
    void defaultsFillWhatIsNotGiven() {
        BenchOptions options =
                BenchOptionsParser.parse(new String[] {"produce-sync", "--namesrv", "h:9876", "--topic", "T"});

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
        assertThat(options.queues()).isEqualTo(8);
        assertThat(options.fromOffset()).isEqualTo(-1);
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchOptionsParser.parse(new String[] {
            "latency",
            "--namesrv",
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
            "remoting"
        });

        assertThat(options)
                .isEqualTo(new BenchOptions(
                        BenchMode.LATENCY,
                        "h:1",
                        "T",
                        4,
                        64,
                        Duration.ofMillis(1500),
                        10,
                        7,
                        3,
                        50,
                        "G",
                        2,
                        5,
                        "remoting"));
    }

    @Test
    void messagesAloneBoundTheRunAndConsumeRunsUntilCaughtUp() {
        assertThat(BenchOptionsParser.parse(
                                new String[] {"produce-batch", "--namesrv", "h:1", "--topic", "T", "--messages", "640"})
                        .duration())
                .isNull();
        assertThat(BenchOptionsParser.parse(new String[] {"consume", "--namesrv", "h:1", "--topic", "T"})
                        .duration())
                .isNull();
    }

    @Test
    void durationsTakeUnits() {
        assertThat(BenchOptionsParser.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptionsParser.duration("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchOptionsParser.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(BenchOptionsParser.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptionsParser.duration("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("missing mode");
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {"produce-fast", "--namesrv", "h:1"}))
                .hasMessageContaining("unknown mode 'produce-fast'");
        assertThatThrownBy(() -> BenchOptionsParser.parse(new String[] {"consume", "--topic", "T"}))
                .hasMessageContaining("--namesrv is required");
        assertThatThrownBy(() -> BenchOptionsParser.parse(
                        new String[] {"consume", "--namesrv", "h:1", "--topic", "T", "--threads"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptionsParser.parse(
                        new String[] {"consume", "--namesrv", "h:1", "--topic", "T", "--speed", "9"}))
                .hasMessageContaining("unknown option '--speed'");
        assertThatThrownBy(() -> BenchOptionsParser.parse(
                        new String[] {"consume", "--namesrv", "h:1", "--topic", "T", "--threads", "x"}))
                .hasMessageContaining("--threads is not a number");
        assertThatThrownBy(() -> BenchOptionsParser.parse(
                        new String[] {"consume", "--namesrv", "h:1", "--topic", "T", "--threads", "0"}))
                .hasMessageContaining("--threads must be between 1");
        assertThatThrownBy(() -> BenchOptionsParser.parse(
                        new String[] {"consume", "--namesrv", "h:1", "--topic", "T", "--duration", "soon"}))
                .hasMessageContaining("not a duration");
    }
}
