package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;

/**
 * Reads of a mapped consume queue's entries by queue offset, and the binary searches recovery and retention
 * run over them. The caller holds the queue's lock, so the segments cannot be parked meanwhile.
 */
final class EntrySearch {
    private EntrySearch() {}

    /** Up to {@code maxEntries} entries from {@code fromOffset} within one segment; null if not stored. */
    static QueueEntries entriesIn(MappedFileQueue open, long fromOffset, int maxEntries) {
        MappedFile segment = open.retainByOffset(fromOffset * ConsumeQueue.ENTRY_BYTES);
        if (segment == null) {
            return null;
        }
        int position = (int) (fromOffset * ConsumeQueue.ENTRY_BYTES - segment.startOffset());
        int available = Math.max(0, (segment.writePosition() - position) / ConsumeQueue.ENTRY_BYTES);
        return new QueueEntries(segment, position, Math.min(maxEntries, available), fromOffset);
    }

    /** The first offset whose record is at or past {@code commitLogOffset}; the max offset if none. */
    static long firstOffsetAtOrAfter(MappedFileQueue open, long commitLogOffset) {
        return searchFirst(
                open,
                open.minOffset() / ConsumeQueue.ENTRY_BYTES,
                open.maxOffset() / ConsumeQueue.ENTRY_BYTES,
                (offset, size) ->
                        size > 0 && offset != ConsumeQueue.FILLER_COMMIT_LOG_OFFSET && offset >= commitLogOffset);
    }

    /**
     * Where the entries the checkpoint vouches for end: the first offset whose entry is empty or points at or
     * past {@code dispatchedCommitLogOffset}; the max offset if none.
     */
    static long endOfDispatched(MappedFileQueue open, long dispatchedCommitLogOffset) {
        return searchFirst(
                open,
                open.minOffset() / ConsumeQueue.ENTRY_BYTES,
                open.maxOffset() / ConsumeQueue.ENTRY_BYTES,
                (offset, size) -> size <= 0 || offset >= dispatchedCommitLogOffset);
    }

    /** The commit-log offset of the entry at {@code queueOffset}, or {@code orElse} if there is none. */
    static long commitLogOffsetAt(MappedFileQueue open, long queueOffset, long orElse) {
        try (QueueEntries entry = entriesIn(open, queueOffset, 1)) {
            if (entry == null || entry.count() == 0 || entry.isFiller(0)) {
                return orElse;
            }
            return entry.commitLogOffset(0);
        }
    }

    /**
     * The first offset in {@code [from, to)} whose entry passes {@code test}, or {@code to}. Entries must
     * fail-then-pass, which holds for tests on the commit-log offset because it only grows along a queue.
     * A missing entry passes.
     */
    private static long searchFirst(MappedFileQueue open, long from, long to, EntryTest test) {
        long low = from;
        long high = to;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (passes(open, middle, test)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static boolean passes(MappedFileQueue open, long queueOffset, EntryTest test) {
        try (QueueEntries entry = entriesIn(open, queueOffset, 1)) {
            return entry == null || entry.count() == 0 || test.passes(entry.commitLogOffset(0), entry.sizeBytes(0));
        }
    }

    /** A test on one entry's fields. */
    @FunctionalInterface
    private interface EntryTest {
        boolean passes(long commitLogOffset, int sizeBytes);
    }
}
