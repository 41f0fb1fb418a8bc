package io.couriermq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Whether a connection is read, when several independent reasons may each stop it: reading resumes
 * only once every reason that closed the gate has opened it again, so one cannot undo another. All
 * methods run on the channel's event loop.
 */
final class ReadGate {
    /** Requests wait for room in their executor or in the connection's bound ({@link ChannelBackPressure}). */
    static final int HELD_BACK = 1;
    /** The peer does not read its responses fast enough. */
    static final int UNSENT_RESPONSES = 2;
    /** The server is shutting down: what was read is answered, nothing more is read. */
    static final int SHUTTING_DOWN = 4;

    private static final AttributeKey<ReadGate> KEY = AttributeKey.valueOf("courier.readGate");

    private final Channel channel;
    private int closedBy;

    private ReadGate(Channel channel) {
        this.channel = channel;
    }

    static ReadGate of(Channel channel) {
        ReadGate gate = channel.attr(KEY).get();
        if (gate == null) {
            gate = new ReadGate(channel);
            channel.attr(KEY).set(gate);
        }
        return gate;
    }

    void close(int reason) {
        closedBy |= reason;
        channel.config().setAutoRead(false);
    }

    void open(int reason) {
        int before = closedBy;
        closedBy &= ~reason;
        if (before != 0 && closedBy == 0) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }

    boolean isClosedBy(int reason) {
        return (closedBy & reason) != 0;
    }
}
