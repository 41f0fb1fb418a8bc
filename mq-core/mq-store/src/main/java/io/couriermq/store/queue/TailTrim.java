package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFileQueue;

/**
 * The trim of a consume queue's tail that recovery leaves to the queue's first use. A start that does not
 * know where a queue ends (after a crash, or a queue the ends file did not describe) takes it as if every
 * segment were full; finding where its entries end means mapping and searching it, which for tens of thousands
 * of queues was most of the restart. So recovery hands each such queue this instead, and the queue applies it
 * under its lock the first time it maps its segments, before it publishes them ({@link ConsumeQueue}).
 *
 * @param dispatchedCommitLogOffset the checkpoint's dispatched offset: entries of records at or past it are
 *     cut (the re-dispatch rewrites those whose records survived; the rest point past the recovered log)
 * @param zeroTail after a crash the bytes after the last entry kept are zeroed too
 * @param commitLogMinOffset the commit log's first byte as of the last min-offset correction asked of the
 *     queue meanwhile, applied after the cut; {@link #NO_MIN_CORRECTION} if none was asked
 */
record TailTrim(long dispatchedCommitLogOffset, boolean zeroTail, long commitLogMinOffset) {
    static final long NO_MIN_CORRECTION = -1;

    TailTrim(long dispatchedCommitLogOffset, boolean zeroTail) {
        this(dispatchedCommitLogOffset, zeroTail, NO_MIN_CORRECTION);
    }

    /** This trim with a min-offset correction to {@code offset} after it; the commit log's head only moves up. */
    TailTrim withMinCorrection(long offset) {
        return new TailTrim(dispatchedCommitLogOffset, zeroTail, Math.max(commitLogMinOffset, offset));
    }

    boolean correctsMinOffset() {
        return commitLogMinOffset != NO_MIN_CORRECTION;
    }

    /** Cuts the mapped queue after the last entry the checkpoint vouches for; returns the offset it now ends at. */
    long cut(MappedFileQueue open) {
        long end = MappedEntries.endOfDispatched(open, dispatchedCommitLogOffset);
        open.truncateTo(end * ConsumeQueue.ENTRY_BYTES, zeroTail);
        return end;
    }
}
