package io.couriermq.remoting.netty;

import io.couriermq.remoting.logging.RateLimitedLog;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes of incomplete frames held by all connections of one port. One frame may always be buffered
 * (a single frame is bounded by maxFrameBytes), so the effective bound is never below that.
 */
final class FrameBudget {
    private static final Logger log = LoggerFactory.getLogger(FrameBudget.class);

    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final RateLimitedLog refusals = new RateLimitedLog(log, ConnectionHandler.LOG_WINDOW);

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

    /** A connection is closed for taking the total over the limit; logged once a minute, then counted. */
    void refused(SocketAddress peer, long connectionBytes, long total) {
        refusals.warn(
                "maxBufferedFrameBytes",
                "closed connection {}: its incomplete frame of {} bytes took the port's total to {},"
                        + " over maxBufferedFrameBytes {}",
                NettyRemotingChannel.format(peer),
                connectionBytes,
                total,
                limit);
    }
}
