package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFile;
import java.nio.ByteBuffer;

/**
 * A run of consecutive consume-queue entries read in place from one segment, which stays pinned until
 * {@link #close()}. Indexes are 0-based within the run; no entry objects are allocated.
 */
public final class QueueEntries implements AutoCloseable {
    private final MappedFile segment;
    private final ByteBuffer buffer;
    private final int position;
    private final int count;
    private final long firstQueueOffset;

    QueueEntries(MappedFile segment, int position, int count, long firstQueueOffset) {
        this.segment = segment;
        this.buffer = segment.reader();
        this.position = position;
        this.count = count;
        this.firstQueueOffset = firstQueueOffset;
    }

    public int count() {
        return count;
    }

    public long firstQueueOffset() {
        return firstQueueOffset;
    }

    public long commitLogOffset(int index) {
        return buffer.getLong(entry(index) + ConsumeQueue.COMMIT_LOG_OFFSET_FIELD);
    }

    public int sizeBytes(int index) {
        return buffer.getInt(entry(index) + ConsumeQueue.SIZE_FIELD);
    }

    public long tagsHash(int index) {
        return buffer.getLong(entry(index) + ConsumeQueue.TAGS_HASH_FIELD);
    }

    /** True for an entry written only to fill a gap in the queue; it points to no record. */
    public boolean isFiller(int index) {
        return commitLogOffset(index) == ConsumeQueue.FILLER_COMMIT_LOG_OFFSET;
    }

    private int entry(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("entry " + index + " of " + count);
        }
        return position + index * ConsumeQueue.ENTRY_BYTES;
    }

    @Override
    public void close() {
        segment.release();
    }
}
