package io.couriermq.compat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigSerializeWrapper;
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

    @Test
    void theManyTopicsFigureWritesOneTableBothBrokersReadAndComparesWithOneTopic() throws Exception {
        Path file = Files.createTempDirectory("topics").resolve("config/topics.json");
        ManyTopicsFigure.writeTopicTable(file, 3);

        // read as Apache RocketMQ's broker reads its topics.json
        TopicConfigSerializeWrapper table =
                RemotingSerializable.fromJson(Files.readString(file), TopicConfigSerializeWrapper.class);
        assertThat(table.getDataVersion().getCounter().get()).isEqualTo(1);
        assertThat(table.getTopicConfigTable()).containsOnlyKeys("SideBySide-0", "SideBySide-1", "SideBySide-2");
        TopicConfig topic = table.getTopicConfigTable().get("SideBySide-2");
        assertThat(topic.getTopicName()).isEqualTo("SideBySide-2");
        assertThat(topic.getReadQueueNums()).isEqualTo(8);
        assertThat(topic.getWriteQueueNums()).isEqualTo(8);
        assertThat(topic.getPerm()).isEqualTo(6);

        Results results = new Results();
        assertThat(ManyTopicsFigure.againstOneTopic(results, 1024, 3)).isEmpty();
        results.add(LoadFigures.syncRow(1024), Contender.COURIER, 4000);
        results.add(LoadFigures.syncRow(1024), Contender.ROCKETMQ, 3000);
        results.add(ManyTopicsFigure.sendRow(1024, 3), Contender.COURIER, 3600);
        assertThat(ManyTopicsFigure.againstOneTopic(results, 1024, 3))
                .isEqualTo(
                        "Sync sends spread over 3 topics (until dispatched) as a share of one topic's: CourierMQ 90 %.\n\n");
    }
}
