package io.couriermq.remoting.netty;

import io.couriermq.remoting.rpc.ResponseTable;
import io.netty.channel.Channel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

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
    private final Timer deadlines;

    RemotingChannels(String name) {
        this(new HashedWheelTimer(new DefaultThreadFactory(name + "-timeouts", true), TICK_MS, TimeUnit.MILLISECONDS));
    }

    /** With another timer: tests move time by hand. */
    RemotingChannels(Timer deadlines) {
        this.deadlines = deadlines;
    }

    ResponseTable responses() {
        return responses;
    }

    /** The wrapper of {@code channel}, created on first use. */
    NettyRemotingChannel of(Channel channel) {
        return NettyRemotingChannel.of(channel, this);
    }

    Timeout onDeadline(Runnable expiry, long delayMs) {
        return deadlines.newTimeout(timeout -> expiry.run(), delayMs, TimeUnit.MILLISECONDS);
    }

    /** Fails whatever still waits and stops the wheel's thread. */
    void close(String reason) {
        responses.failAll(reason);
        try {
            deadlines.stop();
        } catch (IllegalStateException calledFromATimeout) {
            // A timed-out call's callback closed its client: the wheel cannot stop itself from its own thread.
            Thread stopper = new Thread(deadlines::stop, "remoting-timeouts-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }
}
