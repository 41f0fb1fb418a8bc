package io.couriermq.client.consumer;

import io.couriermq.remoting.protocol.body.MessageQueue;

/**
 * Per-call context of a {@link ConcurrentMessageListener} or {@link BatchMessageListener}: the queue the
 * messages were pulled from, how many times this client already tried them, and the delay level for the
 * next delivery when the listener answers {@link ConsumeResult#RECONSUME_LATER}.
 */
public final class ConsumeContext {
    private final MessageQueue queue;
    private final int localAttempt;
    private int delayLevelWhenNextConsume;

    public ConsumeContext(MessageQueue queue, int localAttempt) {
        this.queue = queue;
        this.localAttempt = localAttempt;
    }

    /** The queue the message was pulled from (for a retried message: the group's {@code %RETRY%} queue). */
    public MessageQueue queue() {
        return queue;
    }

    /** 1 on the first call for this delivery; more when this client re-consumes it locally. */
    public int localAttempt() {
        return localAttempt;
    }

    public int delayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    /**
     * The delay level of the retry: 0 (default) lets the broker pick {@code 3 + reconsumeTimes}, -1 sends
     * the message straight to the dead-letter queue, 1..18 picks a level.
     */
    public void delayLevelWhenNextConsume(int level) {
        if (level < -1 || level > 18) {
            throw new IllegalArgumentException("delay level must be -1..18, was " + level);
        }
        this.delayLevelWhenNextConsume = level;
    }
}
