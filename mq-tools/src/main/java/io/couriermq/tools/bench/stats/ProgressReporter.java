package io.couriermq.tools.bench.stats;

import io.couriermq.tools.Console;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints a progress line every few seconds while a run goes on. */
public final class ProgressReporter implements AutoCloseable {
    private final BenchStats stats;
    private final Console console;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private long lastMessages;
    private long lastNanos = startNanos;

    public ProgressReporter(BenchStats stats, Console console, long intervalSeconds) {
        this.stats = stats;
        this.console = console;
        timer.scheduleAtFixedRate(this::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void report() {
        long now = System.nanoTime();
        long messages = stats.messages();
        double intervalSeconds = (now - lastNanos) / 1e9;
        console.info(String.format(
                Locale.ROOT,
                "[%5.1fs] messages=%d errors=%d tps=%.0f",
                (now - startNanos) / 1e9,
                messages,
                stats.errors(),
                (messages - lastMessages) / intervalSeconds));
        lastMessages = messages;
        lastNanos = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
