package io.couriermq.store;

/**
 * A part of the broker that still needs old commit-log records, e.g. the timer with messages parked for
 * days. Age-based retention keeps every segment at or above the lowest offset any hold names; only a disk
 * above {@code diskMaxUsedSpaceRatio} overrides holds, as keeping the store writable comes first.
 */
@FunctionalInterface
public interface RetentionHold {
    /** The lowest commit-log offset still needed, or {@link Long#MAX_VALUE} when none is. */
    long heldFromOffset();

    /** What the hold is, for the log line that says why a segment was kept. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
