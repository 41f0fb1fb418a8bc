package io.couriermq.compat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side harness's pure parts: options, medians and ratios, RESULT and /proc parsing. */
class SideBySidePartsTest {

    @Test
    void optionsDefaultToTheIssuesFiguresAndNameWhatIsWrong() {
        SideBySideOptions defaults = SideBySideOptions.parse(List.of());
        assertThat(defaults.rounds()).isEqualTo(2);
        assertThat(defaults.sizeBytes()).isEqualTo(1024);
        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.backlog()).isEqualTo(1_000_000);
        assertThat(defaults.figures()).containsExactly(Figure.values());

        SideBySideOptions parsed = SideBySideOptions.parse(
                List.of("--only", "launch,sync", "--duration", "500ms", "--backlog", "2000", "--size", "16384"));
        assertThat(parsed.figures()).containsExactly(Figure.SYNC, Figure.LAUNCH);
        assertThat(parsed.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(parsed.backlog()).isEqualTo(2000);
        assertThat(parsed.sizeBytes()).isEqualTo(16384);

        assertThatThrownBy(() -> SideBySideOptions.parse(List.of("--only", "sync,oneway")))
                .hasMessageContaining("unknown figure 'oneway'");
        assertThatThrownBy(() -> SideBySideOptions.parse(List.of("--rounds", "0")))
                .hasMessageContaining("--rounds needs a positive whole number, was '0'");
        assertThatThrownBy(() -> SideBySideOptions.parse(List.of("--duration", "20")))
                .hasMessageContaining("--duration needs a duration like 500ms, 20s or 2m, was '20'");
        assertThatThrownBy(() -> SideBySideOptions.parse(List.of("--size")))
                .hasMessageContaining("--size needs a value");
        assertThatThrownBy(() -> SideBySideOptions.parse(List.of("--sise", "1")))
                .hasMessageContaining("unknown option '--sise'");
    }

    @Test
    void theTableHoldsMediansOfBothSystemsAndTheirRatio() {
        Results results = new Results();
        Results.Row tps = new Results.Row("sync send 1 KiB, 32 threads", "msg/s", false);
        Results.Row launch = new Results.Row("launch -> broker port open, default launch", "ms", true);
        results.add(tps, Contender.COURIER, 30_000);
        results.add(tps, Contender.COURIER, 34_000);
        results.add(tps, Contender.ROCKETMQ, 16_000);
        results.add(tps, Contender.ROCKETMQ, 15_000);
        results.add(tps, Contender.ROCKETMQ, 17_000);
        results.add(launch, Contender.COURIER, 900);

        assertThat(results.median(tps, Contender.COURIER)).isEqualTo(32_000);
        assertThat(results.median(tps, Contender.ROCKETMQ)).isEqualTo(16_000);
        assertThat(results.median(launch, Contender.ROCKETMQ)).isNaN();
        assertThat(results.table())
                .contains("| sync send 1 KiB, 32 threads | msg/s | 32000 | 16000 | 2.00x | higher | 2 / 3 |")
                .contains("| launch -> broker port open, default launch | ms | 900 | n/a | n/a | lower | 1 / 0 |");
    }

    @Test
    void resultLinesAndProcStatusAreRead() {
        BenchLine line = BenchLine.parse("RESULT mode=produce-sync threads=32 size=1024 messages=300 errors=0"
                + " seconds=2.0 tps=150.0 p50_ms=1.00 p99_ms=5.20");
        assertThat(line.number("tps")).isEqualTo(150.0);
        assertThat(line.number("p99_ms")).isEqualTo(5.2);
        assertThatThrownBy(() -> line.number("rate")).hasMessageContaining("no rate");
        assertThatThrownBy(() -> BenchLine.parse("bench failed")).hasMessageContaining("not a RESULT line");

        ProcStatus status = ProcStatus.parse(
                List.of("Name:\tjava", "VmRSS:\t  524288 kB", "RssAnon:\t  262144 kB", "RssFile:\t 262144 kB"));
        assertThat(status.vmRssMib()).isEqualTo(512.0);
        assertThat(status.rssAnonMib()).isEqualTo(256.0);
        assertThat(ProcStatus.of(ProcessHandle.current().pid()).vmRssKib()).isPositive();
    }
}
