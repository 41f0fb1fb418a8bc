package io.couriermq.tools.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's report: a JSON file (settings, every interval, totals, verdict) and, next to it, a CSV file
 * with one row per interval for a spreadsheet or gnuplot.
 */
final class SoakReport {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String CSV_HEADER = "interval,elapsed_s,sent,failed,acknowledged,consumed,p99_send_ms,"
            + "consumer_lag,outstanding,anon_rss_bytes,file_rss_bytes,heap_after_gc_bytes,direct_bytes,open_files,threads";

    private SoakReport() {}

    /** The CSV file written next to {@code json}: same name, {@code .csv}. */
    static Path csvPath(Path json) {
        String name = json.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(stem + ".csv");
    }

    static void write(
            Path json,
            Map<String, Object> settings,
            List<IntervalRecord> intervals,
            Map<String, Object> totals,
            List<String> failures,
            List<String> unjudged) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("settings", settings);
        report.put("intervals", intervals);
        report.put("totals", totals);
        report.put("passed", failures.isEmpty());
        report.put("failures", failures);
        report.put("unjudged", unjudged);
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, JSON.writeValueAsString(report), StandardCharsets.UTF_8);
            Files.write(csvPath(json), csv(intervals), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report " + json, e);
        }
    }

    private static List<String> csv(List<IntervalRecord> intervals) {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (IntervalRecord interval : intervals) {
            NodeResources node = interval.node();
            lines.add(String.join(
                    ",",
                    List.of(
                            Integer.toString(interval.index()),
                            Long.toString(interval.elapsedSeconds()),
                            Long.toString(interval.sent()),
                            Long.toString(interval.failed()),
                            Long.toString(interval.acknowledged()),
                            Long.toString(interval.consumed()),
                            Double.toString(interval.p99SendMs()),
                            Long.toString(interval.consumerLag()),
                            Long.toString(interval.outstanding()),
                            cell(node.anonRssBytes()),
                            cell(node.fileRssBytes()),
                            cell(node.heapAfterGcBytes()),
                            cell(node.directBytes()),
                            cell(node.openFiles()),
                            cell(node.threads()))));
        }
        return lines;
    }

    private static String cell(Long value) {
        return value == null ? "" : value.toString();
    }
}
