package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.MessageQueue;

/**
 * Per-call context of an {@link OrderlyMessageListener}: the queue, the attempt number of this message
 * on this client (it grows with every {@link OrderlyResult#SUSPEND_CURRENT_QUEUE_A_MOMENT}), and how long
 * the queue pauses after a suspend.
 */
public final class OrderlyContext {
    private final MessageQueue queue;
    private final int attempt;
    private long suspendMs;

    public OrderlyContext(MessageQueue queue, int attempt, long suspendMs) {
        this.queue = queue;
        this.attempt = attempt;
        this.suspendMs = suspendMs;
    }

    public MessageQueue queue() {
        return queue;
    }

    /** 1 on the first call for this message; n after n-1 suspends. */
    public int attempt() {
        return attempt;
    }

    public long suspendMs() {
        return suspendMs;
    }

    /** How long the queue pauses when this call answers SUSPEND (10 ms to 30 s). */
    public void suspendMs(long suspendMs) {
        if (suspendMs < 10 || suspendMs > 30_000) {
            throw new IllegalArgumentException("suspend must be 10..30000 ms, was " + suspendMs);
        }
        this.suspendMs = suspendMs;
    }
}
