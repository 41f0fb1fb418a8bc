package io.couriermq.store.checkpoint;

/**
 * What was durable when the checkpoint was written. Recovery starts validating at
 * {@code min(flushedCommitLogOffset, dispatchedCommitLogOffset)}, so its work is bounded by what came
 * after the last checkpoint, not by the size of the store.
 *
 * @param flushedCommitLogOffset every commit-log byte below it was forced to disk
 * @param dispatchedCommitLogOffset every record below it has its consume-queue and index entries, and
 *     those were forced to disk before this checkpoint was written
 * @param timestampMs when the checkpoint was written
 */
public record Checkpoint(long flushedCommitLogOffset, long dispatchedCommitLogOffset, long timestampMs) {
    public static final Checkpoint EMPTY = new Checkpoint(0, 0, 0);

    /** Where recovery must start checking records. */
    public long recoveryStartOffset() {
        return Math.min(flushedCommitLogOffset, dispatchedCommitLogOffset);
    }
}
