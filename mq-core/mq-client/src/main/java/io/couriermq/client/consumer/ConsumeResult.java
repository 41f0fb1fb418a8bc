package io.couriermq.client.consumer;

/** What a {@link ConcurrentMessageListener} says about one message. */
public enum ConsumeResult {
    /** Consumed; its offset may be committed. */
    SUCCESS,
    /**
     * Not consumed now: in clustering mode the message is sent back to the group's retry topic and
     * delivered again later (with a growing delay, to the dead-letter queue after the maximum reconsume
     * times); in broadcasting mode it is dropped with a warning, as there is no retry topic per instance.
     */
    RECONSUME_LATER
}
