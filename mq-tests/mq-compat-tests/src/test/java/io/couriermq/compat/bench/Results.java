package io.couriermq.compat.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every sample of a side-by-side run by table row and system, and the raw lines behind them; renders the
 * markdown table of medians and CourierMQ/RocketMQ ratios. Thread-confined: the orchestrator runs one
 * thing at a time.
 */
final class Results {

    /** A table row: what is measured, its unit, and whether a lower figure is the better one. */
    record Row(String title, String unit, boolean lowerIsBetter) {}

    private final Map<Row, Map<Contender, List<Double>>> samples = new LinkedHashMap<>();
    private final List<String> rawLines = new ArrayList<>();

    void add(Row row, Contender contender, double value) {
        samples.computeIfAbsent(row, any -> new EnumMap<>(Contender.class))
                .computeIfAbsent(contender, any -> new ArrayList<>())
                .add(value);
    }

    void raw(String line) {
        rawLines.add(line);
    }

    /** The rows measured so far, in the order first measured. */
    List<Row> rows() {
        return List.copyOf(samples.keySet());
    }

    List<String> rawLines() {
        return List.copyOf(rawLines);
    }

    /** The median of {@code row}'s samples for {@code contender}; NaN when there are none. */
    double median(Row row, Contender contender) {
        List<Double> values = samples.getOrDefault(row, Map.of()).getOrDefault(contender, List.of()).stream()
                .sorted()
                .toList();
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    /** One markdown table: a row per measured figure, medians of both systems, their ratio. */
    String table() {
        StringBuilder table = new StringBuilder();
        table.append("| figure | unit | ")
                .append(Contender.COURIER.title())
                .append(" | ")
                .append(Contender.ROCKETMQ.title())
                .append(" | CourierMQ/RocketMQ | better ratio | samples |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Row, Map<Contender, List<Double>>> entry : samples.entrySet()) {
            Row row = entry.getKey();
            double ours = median(row, Contender.COURIER);
            double theirs = median(row, Contender.ROCKETMQ);
            table.append("| ")
                    .append(row.title())
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(format(ours))
                    .append(" | ")
                    .append(format(theirs))
                    .append(" | ")
                    .append(ratio(ours, theirs))
                    .append(" | ")
                    .append(row.lowerIsBetter() ? "lower" : "higher")
                    .append(" | ")
                    .append(counts(entry.getValue()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String counts(Map<Contender, List<Double>> byContender) {
        return List.of(Contender.values()).stream()
                .map(contender -> Integer.toString(
                        byContender.getOrDefault(contender, List.of()).size()))
                .collect(Collectors.joining(" / "));
    }

    private static String ratio(double ours, double theirs) {
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2fx", ours / theirs);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
