package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Back-pressure for one connection. When a request cannot be queued for processing, the connection
 * stops reading (TCP flow control then slows the sender) and the request, with any that were already
 * decoded behind it, waits here in arrival order. They are offered again until taken; then reading
 * resumes. Nothing that was read is dropped, and at most one read's worth of requests waits per
 * connection. All methods run on the channel's event loop.
 */
final class ChannelBackPressure {
    private static final AttributeKey<ChannelBackPressure> KEY = AttributeKey.valueOf("courier.backPressure");
    private static final long RETRY_DELAY_MICROS = 500;

    private final Channel channel;
    private final Deque<RemotingCommand> waiting = new ArrayDeque<>();
    private final Predicate<RemotingCommand> submit;

    private ChannelBackPressure(Channel channel, Predicate<RemotingCommand> submit) {
        this.channel = channel;
        this.submit = submit;
    }

    /** The connection's state, or null when it is not being held back. */
    static ChannelBackPressure of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /**
     * Stops reading from {@code channel} and keeps {@code command} until {@code submit} accepts it.
     * {@code submit} returns false when the request still cannot be queued.
     */
    static void holdBack(Channel channel, RemotingCommand command, Predicate<RemotingCommand> submit) {
        ChannelBackPressure state = new ChannelBackPressure(channel, submit);
        channel.attr(KEY).set(state);
        ReadGate.of(channel).close(ReadGate.HELD_BACK);
        state.waiting.add(command);
        state.scheduleRetry();
    }

    /** Queues a request that arrived while the connection is held back, behind the ones before it. */
    void enqueue(RemotingCommand command) {
        waiting.add(command);
    }

    int waitingCount() {
        return waiting.size();
    }

    private void scheduleRetry() {
        channel.eventLoop().schedule(this::drain, RETRY_DELAY_MICROS, TimeUnit.MICROSECONDS);
    }

    private void drain() {
        if (!channel.isActive()) {
            waiting.clear();
            channel.attr(KEY).set(null);
            return;
        }
        while (!waiting.isEmpty()) {
            if (!submit.test(waiting.peek())) {
                scheduleRetry();
                return;
            }
            waiting.poll();
        }
        channel.attr(KEY).set(null);
        ReadGate.of(channel).open(ReadGate.HELD_BACK);
    }
}
