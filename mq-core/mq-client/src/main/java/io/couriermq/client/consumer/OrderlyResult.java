package io.couriermq.client.consumer;

/** What an {@link OrderlyMessageListener} says about one message. */
public enum OrderlyResult {
    /** Consumed; the next message of the queue follows. */
    SUCCESS,
    /**
     * Not consumed: the queue pauses (1 s by default, see {@link OrderlyContext#suspendMs}) and the same
     * message is consumed again, keeping the order; after the maximum reconsume times it is sent to the
     * group's retry topic (which the broker turns into the dead-letter queue for orderly groups).
     */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
