package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mapped consume queue's entries by queue offset: read in place, written, and searched (recovery and
 * retention). Only the lock-free read may run without the queue's lock; the rest run under it, so the
 * segments cannot be parked meanwhile.
 */
final class MappedEntries {
    private static final Logger log = LoggerFactory.getLogger(ConsumeQueue.class);

    private MappedEntries() {}

    /**
     * Writes the entry at {@code queueOffset}, after filler entries for any gap before it (an empty queue
     * starts in the segment that holds it); false if an entry is already there (recovery re-dispatching).
     */
    static boolean put(
            MappedFileQueue open,
            int segmentSizeBytes,
            long queueOffset,
            long commitLogOffset,
            int size,
            long tags,
            ConsumeQueue queue) {
        boolean first = open.isEmpty();
        long next = first
                ? firstOffsetOfSegment(segmentSizeBytes, queueOffset)
                : open.maxOffset() / ConsumeQueue.ENTRY_BYTES;
        if (queueOffset < next) {
            return false;
        }
        if (queueOffset > next && !first) {
            log.warn(
                    "queue {}-{} jumps from {} to {}; filling the gap",
                    queue.topic(),
                    queue.queueId(),
                    next,
                    queueOffset);
        }
        for (long offset = next; offset < queueOffset; offset++) {
            write(open, segmentSizeBytes, offset, ConsumeQueue.FILLER_COMMIT_LOG_OFFSET, Integer.MAX_VALUE, 0);
        }
        write(open, segmentSizeBytes, queueOffset, commitLogOffset, size, tags);
        return true;
    }

    /** Writes one entry at {@code queueOffset}, in the segment that holds it (created if need be). */
    private static void write(
            MappedFileQueue open, int segmentSizeBytes, long queueOffset, long commitLogOffset, int size, long tags) {
        long byteOffset = queueOffset * ConsumeQueue.ENTRY_BYTES;
        MappedFile segment = open.lastWritable(byteOffset - byteOffset % segmentSizeBytes);
        int position = (int) (byteOffset - segment.startOffset());
        // a page at a time: with many queues, reserving further ahead would hold much space unused
        segment.reserve(position + ConsumeQueue.ENTRY_BYTES, 0);
        ByteBuffer writer = segment.writer();
        writer.putLong(position + ConsumeQueue.COMMIT_LOG_OFFSET_FIELD, commitLogOffset);
        writer.putInt(position + ConsumeQueue.SIZE_FIELD, size);
        writer.putLong(position + ConsumeQueue.TAGS_HASH_FIELD, tags);
        segment.publishWritePosition(position + ConsumeQueue.ENTRY_BYTES);
    }

    /** One entry's bytes, for a write through a file ({@link ParkedSegments#appended}). */
    static ByteBuffer encode(long commitLogOffset, int size, long tags) {
        return ByteBuffer.allocate(ConsumeQueue.ENTRY_BYTES)
                .putLong(ConsumeQueue.COMMIT_LOG_OFFSET_FIELD, commitLogOffset)
                .putInt(ConsumeQueue.SIZE_FIELD, size)
                .putLong(ConsumeQueue.TAGS_HASH_FIELD, tags);
    }

    /** The first offset of the segment that holds {@code queueOffset}. */
    private static long firstOffsetOfSegment(int segmentSizeBytes, long queueOffset) {
        long byteOffset = queueOffset * ConsumeQueue.ENTRY_BYTES;
        return (byteOffset - byteOffset % segmentSizeBytes) / ConsumeQueue.ENTRY_BYTES;
    }

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
                (queueOffset, offset, size) ->
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
                (queueOffset, offset, size) -> size <= 0 || offset >= dispatchedCommitLogOffset);
    }

    /**
     * The first offset in {@code [from, to)} whose entry the log contradicts, or {@code to}. The entries it
     * contradicts are a suffix (those a crash left past the log); a filler, which points nowhere, is taken
     * as it is.
     */
    static long firstContradicted(MappedFileQueue open, long from, long to, EntryCheck check, String topic, int id) {
        return searchFirst(
                open,
                from,
                to,
                (queueOffset, offset, size) -> size <= 0
                        || (offset != ConsumeQueue.FILLER_COMMIT_LOG_OFFSET
                                && check.contradicts(offset, topic, id, queueOffset)));
    }

    /** Whether the log contradicts the entry at {@code queueOffset}; false for a missing entry or a filler. */
    static boolean contradicted(MappedFileQueue open, long queueOffset, EntryCheck check, String topic, int id) {
        try (QueueEntries entry = entriesIn(open, queueOffset, 1)) {
            return entry != null
                    && entry.count() > 0
                    && !entry.isFiller(0)
                    && check.contradicts(entry.commitLogOffset(0), topic, id, queueOffset);
        }
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
            return entry == null
                    || entry.count() == 0
                    || test.passes(queueOffset, entry.commitLogOffset(0), entry.sizeBytes(0));
        }
    }

    /** A test on one entry's fields. */
    @FunctionalInterface
    private interface EntryTest {
        boolean passes(long queueOffset, long commitLogOffset, int sizeBytes);
    }
}
