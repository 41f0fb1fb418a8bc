package io.couriermq.remoting.logging;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A log that stays readable under a flood of the same problem (a fuzzer, a misconfigured client
 * reconnecting in a loop): per cause, the first occurrence of a window is logged in full, later ones
 * are only counted, and the next occurrence after the window first logs one summary line ("N more like
 * this in the last 60 s"). So each cause costs at most two lines per window, whatever the rate.
 *
 * <p>A cause is a short, stable key chosen by the caller ("malformed frame: CorruptFrameException"),
 * never a message with numbers or addresses in it. Past {@link #MAX_CAUSES} distinct causes, further
 * ones share one overflow entry, so hostile input cannot grow the table. Thread-safe.
 */
public final class RateLimitedLog {
    /** Distinct causes tracked before new ones are counted together. */
    public static final int MAX_CAUSES = 256;

    static final String OVERFLOW_CAUSE = "other causes";

    private final Logger logger;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimitedLog(Logger logger, Duration window) {
        this(logger, window, System::nanoTime);
    }

    public RateLimitedLog(Logger logger, Duration window, LongSupplier nanoTime) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the rate-limit window must be positive, was " + window);
        }
        this.logger = logger;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Logs {@code format} with {@code arguments} at WARN unless {@code cause} was already logged in the
     * current window. A trailing Throwable argument prints its stack trace, as with SLF4J; pass one
     * only for causes that are bugs, not for bad input.
     */
    public void warn(String cause, String format, Object... arguments) {
        if (logger.isWarnEnabled()) {
            log(logger::warn, cause, format, arguments);
        }
    }

    /**
     * {@link #warn} at INFO: for routine events a peer can repeat at will (a consumer joining, a broker
     * registering), which stay one line each in normal operation and a count under a flood.
     */
    public void info(String cause, String format, Object... arguments) {
        if (logger.isInfoEnabled()) {
            log(logger::info, cause, format, arguments);
        }
    }

    private void log(BiConsumer<String, Object[]> sink, String cause, String format, Object[] arguments) {
        long now = nanoTime.getAsLong();
        Window window = windowOf(cause);
        long suppressed;
        synchronized (window) {
            if (window.started != Long.MIN_VALUE && now - window.started < windowNanos) {
                window.suppressed++;
                return;
            }
            suppressed = window.suppressed;
            window.started = now;
            window.suppressed = 0;
        }
        if (suppressed > 0) {
            sink.accept("{}: {} more like this in the last {} s", new Object[] {
                window.cause, suppressed, Duration.ofNanos(windowNanos).toSeconds()
            });
        }
        sink.accept(format, arguments);
    }

    private Window windowOf(String cause) {
        Window known = windows.get(cause);
        if (known != null) {
            return known;
        }
        String key = windows.size() < MAX_CAUSES ? cause : OVERFLOW_CAUSE;
        return windows.computeIfAbsent(key, Window::new);
    }

    /** One cause's current window: when it began and how many occurrences went unlogged since. */
    private static final class Window {
        final String cause;
        long started = Long.MIN_VALUE;
        long suppressed;

        Window(String cause) {
            this.cause = cause;
        }
    }
}
