package io.couriermq.compat.crash;

/**
 * The broker timer's index windows, as the broker defines them (TimerWheel.WINDOW_MS in mq-broker): 10 s
 * long and aligned to the epoch, so the test knows, from the wall clock the broker shares, when the next
 * window switch comes.
 */
public final class TimerWindows {
    public static final long WINDOW_MS = 10_000;

    private TimerWindows() {}

    /** The start of the window holding {@code timeMs}. */
    public static long startOf(long timeMs) {
        return Math.floorDiv(timeMs, WINDOW_MS) * WINDOW_MS;
    }

    /** The first window start at least {@code leadMs} after {@code nowMs}. */
    public static long nextStart(long nowMs, long leadMs) {
        long start = startOf(nowMs + leadMs);
        return start < nowMs + leadMs ? start + WINDOW_MS : start;
    }

    /**
     * Waits until the next window starts in {@code minLeadMs} to {@code maxLeadMs} from now, and returns
     * its start.
     */
    public static long awaitNextStart(long minLeadMs, long maxLeadMs) throws InterruptedException {
        long nowMs = System.currentTimeMillis();
        long startMs = nextStart(nowMs, minLeadMs);
        Thread.sleep(Math.max(0, startMs - maxLeadMs - nowMs));
        return startMs;
    }
}
