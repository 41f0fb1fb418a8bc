package io.couriermq.admin.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * A broker's GET_BROKER_RUNTIME_INFO figures, the ones {@code mqadmin clusterList} prints, read from the
 * raw table (kept whole in {@code table}). TPS figures are the broker's most recent window (the first of
 * the three it reports); today's totals count from the broker's midnight, yesterday's between the two.
 */
public record BrokerRuntime(
        String version,
        boolean active,
        double putTps,
        double getTps,
        long putTotalToday,
        long getTotalToday,
        long putTotalYesterday,
        long getTotalYesterday,
        double commitLogDiskRatio,
        long commitLogMinOffset,
        long commitLogMaxOffset,
        Map<String, String> table) {

    public BrokerRuntime {
        table = java.util.Collections.unmodifiableMap(new TreeMap<>(table));
    }

    /** Reads the figures from the raw key/value table; absent or unreadable figures are 0. */
    public static BrokerRuntime of(Map<String, String> table) {
        return new BrokerRuntime(
                table.getOrDefault("brokerVersionDesc", ""),
                Boolean.parseBoolean(table.get("brokerActive")),
                firstFigure(table.get("putTps")),
                firstFigure(table.getOrDefault("getTransferredTps", table.get("getTransferedTps"))),
                number(table, "msgPutTotalTodayNow") - number(table, "msgPutTotalTodayMorning"),
                number(table, "msgGetTotalTodayNow") - number(table, "msgGetTotalTodayMorning"),
                number(table, "msgPutTotalTodayMorning") - number(table, "msgPutTotalYesterdayMorning"),
                number(table, "msgGetTotalTodayMorning") - number(table, "msgGetTotalYesterdayMorning"),
                decimal(table.get("commitLogDiskRatio")),
                number(table, "commitLogMinOffset"),
                number(table, "commitLogMaxOffset"),
                table);
    }

    private static double firstFigure(String figures) {
        if (figures == null || figures.isBlank()) {
            return 0;
        }
        return decimal(figures.trim().split("\\s+")[0]);
    }

    private static double decimal(String text) {
        try {
            return text == null ? 0 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long number(Map<String, String> table, String key) {
        String text = table.get(key);
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
