package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFileQueue;

/**
 * The trim of a consume queue's tail that recovery leaves to the queue's first use. A start that does not
 * know where a queue ends (after a crash, or a queue the ends file did not describe) takes it as if every
 * segment were full; finding where its entries end means mapping and searching it, which for tens of thousands
 * of queues was most of the restart. So recovery hands each such queue this instead, and the queue applies it
 * under its lock the first time it maps its segments, before it publishes them ({@link ConsumeQueue}).
 *
 * <p>The cut alone is not enough for a queue that is not used before the next crash. Entries a crash left
 * past the recovered log (torn: the entries reached the disk, their records did not) point at offsets the
 * log reuses after the restart, and the next checkpoint vouches for those offsets: the next recovery's cut
 * would keep them. So the last entry kept is checked against the log ({@link EntryCheck}, one record read)
 * and, if the log contradicts it, the tail is cut at the first entry the log contradicts.
 *
 * @param dispatchedCommitLogOffset the checkpoint's dispatched offset: entries of records at or past it are
 *     cut (the re-dispatch rewrites those whose records survived; the rest point past the recovered log)
 * @param zeroTail after a crash the bytes after the last entry kept are zeroed too
 * @param check the commit log, to check the entries kept against
 * @param commitLogMinOffset the commit log's first byte as of the last min-offset correction asked of the
 *     queue meanwhile, applied after the cut; {@link #NO_MIN_CORRECTION} if none was asked
 */
record TailTrim(long dispatchedCommitLogOffset, boolean zeroTail, EntryCheck check, long commitLogMinOffset) {
    static final long NO_MIN_CORRECTION = -1;
    /** For a trim of a queue the log cannot contradict (replication cutting a running store's log). */
    static final EntryCheck UNCHECKED = (commitLogOffset, topic, queueId, queueOffset) -> false;

    TailTrim(long dispatchedCommitLogOffset, boolean zeroTail, EntryCheck check) {
        this(dispatchedCommitLogOffset, zeroTail, check, NO_MIN_CORRECTION);
    }

    /** This trim with a min-offset correction to {@code offset} after it; the commit log's head only moves up. */
    TailTrim withMinCorrection(long offset) {
        return new TailTrim(dispatchedCommitLogOffset, zeroTail, check, Math.max(commitLogMinOffset, offset));
    }

    boolean correctsMinOffset() {
        return commitLogMinOffset != NO_MIN_CORRECTION;
    }

    /**
     * Cuts the mapped queue after the last entry the checkpoint vouches for and the log does not contradict;
     * returns the offset it now ends at.
     */
    long cut(MappedFileQueue open, String topic, int queueId) {
        long end = MappedEntries.endOfDispatched(open, dispatchedCommitLogOffset);
        long first = open.minOffset() / ConsumeQueue.ENTRY_BYTES;
        if (end > first && MappedEntries.contradicted(open, end - 1, check, topic, queueId)) {
            // the log contradicts a suffix of the entries kept: the ones a crash left past it
            end = MappedEntries.firstContradicted(open, first, end, check, topic, queueId);
        }
        open.truncateTo(end * ConsumeQueue.ENTRY_BYTES, zeroTail);
        return end;
    }
}
