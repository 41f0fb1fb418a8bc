package io.couriermq.client.consumer.internal;

/** The outcome of a pull the broker answered with one of the four pull codes. */
public enum PullStatus {
    /** SUCCESS: messages (possibly none left after the client's tag re-check). */
    FOUND,
    /** PULL_NOT_FOUND: nothing new at the offset (after long polling). */
    NO_NEW_MSG,
    /** PULL_RETRY_IMMEDIATELY: entries were examined, none matched the subscription. */
    NO_MATCHED_MSG,
    /** PULL_OFFSET_MOVED: the offset is outside the queue; continue at nextBeginOffset. */
    OFFSET_ILLEGAL
}
