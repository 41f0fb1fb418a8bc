package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.ResponseTable;
import io.netty.channel.Channel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the connections of one client or server share: the requests waiting for a response, and the
 * wheel that times them out. A wheel rather than a task on the event loop per request: adding and
 * cancelling a wheel entry is a queue offer, while scheduling on a loop from a caller's thread costs a
 * task hand-off and a wake-up, twice per request.
 */
final class RemotingChannels {
    /** Timeouts fire up to one tick late; requests time out in hundreds of milliseconds or more. */
    private static final long TICK_MS = 10;

    private final ResponseTable responses = new ResponseTable();
    private final Supplier<Timer> newWheel;
    /** What every request sent on these connections goes through last: a client's signature. */
    private volatile UnaryOperator<RemotingCommand> outboundRequests = UnaryOperator.identity();
    /** Created on the first request with a deadline: a server that never starts holds no timer. */
    private volatile Timer deadlines;

    private boolean closed;

    RemotingChannels(String name) {
        this(() -> new HashedWheelTimer(
                new DefaultThreadFactory(name + "-timeouts", true), TICK_MS, TimeUnit.MILLISECONDS));
    }

    /** With the timer {@code newWheel} makes when first needed (tests pass one that moves time by hand). */
    RemotingChannels(Supplier<Timer> newWheel) {
        this.newWheel = newWheel;
    }

    /**
     * Applies {@code last} to every request sent on these connections, by whatever path: a client's calls
     * and the answers it sends on a connection a server's request came in on (a transaction check's).
     */
    void outboundRequests(UnaryOperator<RemotingCommand> last) {
        this.outboundRequests = last;
    }

    RemotingCommand outbound(RemotingCommand request) {
        return outboundRequests.apply(request);
    }

    ResponseTable responses() {
        return responses;
    }

    /** The wrapper of {@code channel}, created on first use. */
    NettyRemotingChannel of(Channel channel) {
        return NettyRemotingChannel.of(channel, this);
    }

    /** Runs {@code expiry} after {@code delayMs}; refused once closed (nothing would stop the wheel then). */
    Timeout onDeadline(Runnable expiry, long delayMs) {
        return deadlines().newTimeout(timeout -> expiry.run(), delayMs, TimeUnit.MILLISECONDS);
    }

    private Timer deadlines() {
        Timer wheel = deadlines;
        if (wheel == null) {
            synchronized (this) {
                if (closed) {
                    throw new RemotingException("shut down: no request can be timed any more");
                }
                wheel = deadlines;
                if (wheel == null) {
                    wheel = newWheel.get();
                    deadlines = wheel;
                }
            }
        }
        return wheel;
    }

    /** Fails whatever still waits and stops the wheel's thread. */
    void close(String reason) {
        responses.failAll(reason);
        Timer wheel;
        synchronized (this) {
            closed = true;
            wheel = deadlines;
        }
        if (wheel == null) {
            return;
        }
        try {
            wheel.stop();
        } catch (IllegalStateException calledFromATimeout) {
            // A timed-out call's callback closed its client: the wheel cannot stop itself from its own thread.
            Thread stopper = new Thread(wheel::stop, "remoting-timeouts-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }
}
