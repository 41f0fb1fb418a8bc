package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logical queue of one topic and queue id: fixed 20-byte entries, entry {@code n} at byte
 * {@code n * 20}, so an offset lookup is arithmetic.
 *
 * <pre>
 *  0 COMMIT_LOG_OFFSET 8 | 8 SIZE 4 | 12 TAGS_HASH 8
 * </pre>
 *
 * No checksum: after a crash the entries past the checkpoint are trimmed and rewritten from the commit
 * log. A gap (which only a lost queue directory can cause) is filled with filler entries pointing
 * nowhere. Written by the dispatcher thread only; read by any thread.
 */
public final class ConsumeQueue {
    public static final int ENTRY_BYTES = 20;
    static final int COMMIT_LOG_OFFSET_FIELD = 0;
    static final int SIZE_FIELD = 8;
    static final int TAGS_HASH_FIELD = 12;
    static final long FILLER_COMMIT_LOG_OFFSET = -1;
    private static final Logger log = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedFileQueue segments;
    private volatile long minOffset;

    public ConsumeQueue(String topic, int queueId, Path directory, int segmentSizeBytes, SegmentFiles files) {
        if (segmentSizeBytes % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException(
                    "mappedFileSizeConsumeQueue must be a multiple of 20: " + segmentSizeBytes);
        }
        this.topic = topic;
        this.queueId = queueId;
        this.segments = new MappedFileQueue(directory, segmentSizeBytes, files, null);
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    public void load() {
        segments.load();
        minOffset = segments.minOffset() / ENTRY_BYTES;
    }

    /** Offset of the first readable entry. */
    public long minOffset() {
        return Math.min(minOffset, maxOffset());
    }

    /** Offset the next entry will get: the number of entries ever written. */
    public long maxOffset() {
        return segments.maxOffset() / ENTRY_BYTES;
    }

    /**
     * Writes the entry at {@code queueOffset}. An entry that is already there (recovery re-dispatching)
     * is skipped; returns whether it was written.
     */
    public boolean put(long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {
        boolean first = segments.isEmpty();
        long next = first ? firstOffsetOfSegment(queueOffset) : maxOffset();
        if (queueOffset < next) {
            return false;
        }
        if (queueOffset > next) {
            if (!first) {
                log.warn("queue {}-{} jumps from {} to {}; filling the gap", topic, queueId, next, queueOffset);
            }
            for (long offset = next; offset < queueOffset; offset++) {
                write(offset, FILLER_COMMIT_LOG_OFFSET, Integer.MAX_VALUE, 0);
            }
        }
        write(queueOffset, commitLogOffset, sizeBytes, tagsHash);
        if (first) {
            minOffset = queueOffset;
        }
        return true;
    }

    private void write(long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {
        long byteOffset = queueOffset * ENTRY_BYTES;
        MappedFile segment = segments.lastWritable(byteOffset - byteOffset % segments.segmentSizeBytes());
        int position = (int) (byteOffset - segment.startOffset());
        // a page at a time: with many queues, reserving further ahead would hold much space unused
        segment.reserve(position + ENTRY_BYTES, 0);
        ByteBuffer writer = segment.writer();
        writer.putLong(position + COMMIT_LOG_OFFSET_FIELD, commitLogOffset);
        writer.putInt(position + SIZE_FIELD, sizeBytes);
        writer.putLong(position + TAGS_HASH_FIELD, tagsHash);
        segment.publishWritePosition(position + ENTRY_BYTES);
    }

    private long firstOffsetOfSegment(long queueOffset) {
        long byteOffset = queueOffset * ENTRY_BYTES;
        return (byteOffset - byteOffset % segments.segmentSizeBytes()) / ENTRY_BYTES;
    }

    /** Up to {@code maxEntries} entries from {@code fromOffset} within one segment; null if not stored. */
    public QueueEntries entries(long fromOffset, int maxEntries) {
        MappedFile segment = segments.retainByOffset(fromOffset * ENTRY_BYTES);
        if (segment == null) {
            return null;
        }
        int position = (int) (fromOffset * ENTRY_BYTES - segment.startOffset());
        int available = Math.max(0, (segment.writePosition() - position) / ENTRY_BYTES);
        return new QueueEntries(segment, position, Math.min(maxEntries, available), fromOffset);
    }

    /**
     * The first offset in {@code [from, to)} whose entry passes {@code test}, or {@code to}. Entries must
     * fail-then-pass, which holds for tests on the commit-log offset because it only grows along a queue.
     * A missing entry passes.
     */
    long searchFirst(long from, long to, EntryTest test) {
        long low = from;
        long high = to;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (passes(middle, test)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private boolean passes(long queueOffset, EntryTest test) {
        try (QueueEntries entry = entries(queueOffset, 1)) {
            return entry == null || entry.count() == 0 || test.passes(entry.commitLogOffset(0), entry.sizeBytes(0));
        }
    }

    /** The first offset whose record is at or past {@code commitLogOffset}; the max offset if none. */
    public long firstOffsetAtOrAfter(long commitLogOffset) {
        return searchFirst(
                segments.minOffset() / ENTRY_BYTES,
                maxOffset(),
                (offset, size) -> size > 0 && offset != FILLER_COMMIT_LOG_OFFSET && offset >= commitLogOffset);
    }

    /**
     * Recovery: keeps the entries of records below {@code dispatchedCommitLogOffset} (flushed before the
     * checkpoint said so) and trims everything after, which the dispatcher then rewrites.
     */
    public void truncateAfterCheckpoint(long dispatchedCommitLogOffset) {
        long first = segments.minOffset() / ENTRY_BYTES;
        long end = searchFirst(first, maxOffset(), (offset, size) -> size <= 0 || offset >= dispatchedCommitLogOffset);
        segments.truncateTo(end * ENTRY_BYTES, true);
        minOffset = Math.min(minOffset, end);
    }

    /** Moves the min offset past entries whose records are below the commit log's first byte. */
    public void correctMinOffset(long commitLogMinOffset) {
        minOffset = firstOffsetAtOrAfter(commitLogMinOffset);
    }

    /** Retention: deletes whole segments whose entries all precede {@code minOffset}; never the last. */
    public int deleteSegmentsBelowMinOffset() {
        long min = minOffset();
        return segments.deleteFromHead(segment -> segment.endOffset() <= min * ENTRY_BYTES, Integer.MAX_VALUE)
                .size();
    }

    public long flush() {
        return segments.flush();
    }

    /** Deletes every file of this queue and its directory; returns the files deleted. */
    int destroy() {
        return segments.destroyAll();
    }

    public void shutdown() {
        segments.shutdown();
    }

    /** A test on one entry's fields. */
    @FunctionalInterface
    interface EntryTest {
        boolean passes(long commitLogOffset, int sizeBytes);
    }

    @Override
    public String toString() {
        return "ConsumeQueue[" + topic + "-" + queueId + ", min=" + minOffset() + ", max=" + maxOffset() + "]";
    }
}
