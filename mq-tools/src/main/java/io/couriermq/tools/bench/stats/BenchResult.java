package io.couriermq.tools.bench.stats;

import io.couriermq.tools.bench.BenchMode;
import io.couriermq.tools.bench.BenchOptions;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a run as the one machine-readable line, e.g. {@code RESULT mode=produce-sync
 * threads=32 size=1024 messages=512345 errors=0 seconds=30.0 tps=17078.2 p50_ms=1.7 p99_ms=5.2
 * p999_ms=12.9}. {@code errors_by_code=SYSTEM_BUSY:3,TIMEOUT:1} follows when something failed.
 */
public record BenchResult(
        BenchOptions options,
        long messages,
        long errors,
        Map<String, Long> errorsByReason,
        double seconds,
        LatencyHistogram.Percentiles latency) {

    public static BenchResult of(BenchOptions options, BenchStats stats, double seconds) {
        return new BenchResult(
                options,
                stats.messages(),
                stats.errors(),
                stats.errorsByReason(),
                seconds,
                stats.latency().snapshot());
    }

    public double tps() {
        return seconds > 0 ? messages / seconds : 0;
    }

    public String line() {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "RESULT mode=%s threads=%d size=%d messages=%d errors=%d seconds=%.1f tps=%.1f"
                        + " p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f",
                options.mode().cliName(),
                options.threads(),
                options.sizeBytes(),
                messages,
                errors,
                seconds,
                tps(),
                latency.p50Ms(),
                latency.p99Ms(),
                latency.p999Ms(),
                latency.maxMs()));
        switch (options.mode()) {
            case PRODUCE_ASYNC, LATENCY -> line.append(" in_flight=").append(options.inFlight());
            case PRODUCE_BATCH -> line.append(" batch=").append(options.batchSize());
            default -> {}
        }
        if (options.mode() == BenchMode.LATENCY) {
            line.append(" rate=").append(options.ratePerSecond());
        }
        if (options.topics() > 1) {
            line.append(" topics=").append(options.topics());
        }
        if (!errorsByReason.isEmpty()) {
            line.append(" errors_by_code=")
                    .append(errorsByReason.entrySet().stream()
                            .map(entry -> entry.getKey() + ":" + entry.getValue())
                            .collect(Collectors.joining(",")));
        }
        return line.toString();
    }
}
