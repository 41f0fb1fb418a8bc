package io.couriermq.store;

/** Outcome of reading a queue. The broker maps it to pull response codes and the next offset to use. */
public enum GetStatus {
    /** At least one message matched; they are in the result. */
    FOUND,
    /** Entries were scanned but none passed the filter; continue from {@code nextBeginOffset}. */
    NO_MATCHED_MESSAGE,
    /** The offset is below the queue's min offset (its messages were deleted). */
    OFFSET_TOO_SMALL,
    /** The offset equals the max offset: caught up, nothing new yet (long polling waits here). */
    OFFSET_OVERFLOW_ONE,
    /** The offset is past the max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The queue has never had a message. */
    NO_MESSAGE_IN_QUEUE
}
