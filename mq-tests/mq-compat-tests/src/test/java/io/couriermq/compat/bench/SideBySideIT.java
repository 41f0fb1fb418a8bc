package io.couriermq.compat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.harness.process.WorkDir;
import io.couriermq.tools.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side harness end to end with tiny figures: one round of the sync-send, many-topics (50) and launch
 * figures
 * against CourierMQ and Apache RocketMQ 5.2.0 (both started as processes, in turn) gives a table row per
 * figure with two positive medians and a ratio, and writes the report. The harness's own test: no timing
 * is asserted.
 */
class SideBySideIT {

    @Test
    void oneRoundOfSyncAndLaunchGivesARowPerFigureWithBothMediansAndTheRatio() throws Exception {
        Path out = WorkDir.fresh("side-by-side-it");
        SideBySideOptions options = SideBySideOptions.parse(List.of(
                "--rounds",
                "1",
                "--only",
                "sync,many-topics,launch",
                "--duration",
                "2s",
                "--warmup",
                "0s",
                "--launches",
                "1",
                "--backlog",
                "2000",
                "--topics",
                "50",
                "--out",
                out.toString()));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SideBySide sideBySide =
                new SideBySide(options, new Console(print(new ByteArrayOutputStream()), print(progress)));

        SideBySide.Report report = sideBySide.run();

        assertThat(sideBySide.failures())
                .as(progress.toString(StandardCharsets.UTF_8))
                .isZero();
        Results results = report.results();
        for (String title : List.of(
                "sync send 1 KiB, 32 threads",
                "sync send 1 KiB, 32 threads, spread over 50 topics x 8 queues, until dispatched",
                "first message to each of 400 queues (files created), until dispatched",
                "launch with 50 topics -> every route at the NameServer",
                "launch -> broker port open, default launch",
                "launch -> registered with the NameServer")) {
            Results.Row row = results.rows().stream()
                    .filter(candidate -> candidate.title().equals(title))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row '" + title + "' in\n" + results.table()));
            assertThat(results.median(row, Contender.COURIER)).as(title).isPositive();
            assertThat(results.median(row, Contender.ROCKETMQ)).as(title).isPositive();
        }
        assertThat(results.table())
                .containsPattern(
                        "\\| sync send 1 KiB, 32 threads \\| msg/s \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+x \\| higher \\| 1 / 1 \\|");
        assertThat(results.rawLines())
                .filteredOn(line -> line.contains(" RESULT mode=produce-sync"))
                .hasSize(2 + 4); // the sync figure, and the many-topics first-message and spread runs
        assertThat(results.rawLines())
                .filteredOn(
                        line -> line.contains("figure=many-topics") && line.contains("phase=first-message-each-queue"))
                .allSatisfy(line -> assertThat(line).contains("topics=50").contains("messages=400 "));
        assertThat(Files.readString(report.file()))
                .contains(results.table())
                .containsPattern(
                        "Sync sends spread over 50 topics \\(until dispatched\\) as a share of one topic's: CourierMQ [0-9]+ %,"
                                + " RocketMQ 5.2.0 [0-9]+ %")
                .contains("## Raw lines");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
