package io.couriermq.remoting.netty;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes of incomplete frames held by all connections of one port. One frame may always be buffered
 * (a single frame is bounded by maxFrameBytes), so the effective bound is never below that.
 */
final class FrameBudget {
    private static final Logger log = LoggerFactory.getLogger(FrameBudget.class);
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final AtomicInteger refusedSinceReport = new AtomicInteger();
    private volatile long lastReportNanos = System.nanoTime() - REPORT_EVERY_NANOS;

    FrameBudget(long limit, int maxFrameBytes) {
        this.limit = Math.max(limit, maxFrameBytes);
    }

    /** Adds {@code delta} (negative to give back) and returns the total now held. */
    long adjust(long delta) {
        return held.addAndGet(delta);
    }

    long limit() {
        return limit;
    }

    long held() {
        return held.get();
    }

    /** A connection is closed for taking the total over the limit; logged at most every ten seconds. */
    void refused(SocketAddress peer, long connectionBytes, long total) {
        int refused = refusedSinceReport.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastReportNanos >= REPORT_EVERY_NANOS && refusedSinceReport.compareAndSet(refused, 0)) {
            lastReportNanos = now;
            log.warn(
                    "closed {} connection(s) in the last 10 s whose incomplete frames took the port over"
                            + " maxBufferedFrameBytes {}; the latest {} held {} of {} bytes",
                    refused,
                    limit,
                    NettyRemotingChannel.format(peer),
                    connectionBytes,
                    total);
        }
    }
}
