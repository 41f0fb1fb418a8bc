package io.couriermq.store.commitlog;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.common.message.codec.RecordCheck;
import io.couriermq.common.message.codec.RecordLayout;
import io.couriermq.common.message.codec.RecordValidator;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.time.Clock;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.LogChunk;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.ReplicaAppendException;
import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The commit log: every message of every queue, appended in one sequence of segments.
 *
 * <p>Append path: records are encoded outside the lock into a per-thread buffer; under the one append
 * lock the physical offset, the queue offsets and the store time are assigned, stamped into the encoded
 * bytes, and the bytes copied into the mapped segment. Physical order and queue order therefore always
 * agree. Durability is someone else's job ({@code store.flush}).
 *
 * <p>Read path: readers take a reference on the segment, so retention cannot unmap it under them.
 */
public final class CommitLog {
    /**
     * Disk space is allocated this far ahead of the write position ({@link MappedFile#reserve}): one
     * write of zeros per MiB of log, which records usually overwrite in the page cache before it is
     * written back, so the disk mostly sees each byte once.
     */
    static final int RESERVE_AHEAD_BYTES = 1 << 20;

    private final MappedFileQueue segments;
    private final QueueOffsetTable queueOffsets;
    private final Clock clock;
    private final int maxMessageSizeBytes;
    private final ReentrantLock appendLock = new ReentrantLock();
    /** When the append lock was last taken, 0 while it is free: admin's "page cache lock time". */
    private volatile long appendLockTakenMs;

    public CommitLog(MappedFileQueue segments, QueueOffsetTable queueOffsets, Clock clock, int maxMessageSizeBytes) {
        if (maxMessageSizeBytes + RecordLayout.BLANK_MARKER_BYTES > segments.segmentSizeBytes()) {
            throw new IllegalArgumentException("maxMessageSize " + maxMessageSizeBytes
                    + " does not fit a commit-log segment of " + segments.segmentSizeBytes() + " bytes");
        }
        this.segments = segments;
        this.queueOffsets = queueOffsets;
        this.clock = clock;
        this.maxMessageSizeBytes = maxMessageSizeBytes;
    }

    /**
     * Appends one message.
     *
     * @throws io.couriermq.common.message.codec.RecordEncodingException if it breaks a size limit
     * @throws io.couriermq.store.file.StoreIoException if a new segment cannot be created or the disk
     *     has no room for the record; nothing is then written
     */
    public AppendResult append(Message message) {
        return appendBatch(List.of(message));
    }

    /** Appends messages of one topic and queue as consecutive records with consecutive queue offsets. */
    public AppendResult appendBatch(List<Message> messages) {
        ByteBuffer encoded = EncodeBuffer.current();
        int[] sizes;
        try {
            sizes = encode(messages, encoded);
        } catch (BufferOverflowException e) {
            encoded = EncodeBuffer.grow(maxMessageSizeBytes);
            sizes = encode(messages, encoded);
        }
        Message first = messages.get(0);
        return appendEncoded(encoded, sizes, first.topic(), first.queueId());
    }

    private int[] encode(List<Message> messages, ByteBuffer target) {
        int[] sizes = new int[messages.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = MessageEncoder.encode(messages.get(i), target, maxMessageSizeBytes - target.position());
        }
        return sizes;
    }

    private AppendResult appendEncoded(ByteBuffer encoded, int[] sizes, String topic, int queueId) {
        int totalBytes = encoded.position();
        long storeTimestampMs = lockAppends();
        try {
            MappedFile segment = segmentWithRoomFor(totalBytes);
            int position = segment.writePosition();
            long physicalOffset = segment.startOffset() + position;
            // Blocks first: a mapped write without them faults, and HotSpot reports that fault late (in
            // compiled code after the write position and queue offsets have moved), so it cannot be undone.
            segment.reserve(position + totalBytes, RESERVE_AHEAD_BYTES);
            long queueOffset = queueOffsets.next(topic, queueId);
            List<AppendedRecord> records = stamp(encoded, sizes, queueOffset, physicalOffset, storeTimestampMs);
            segment.writer().put(position, encoded.array(), 0, totalBytes);
            segment.publishWritePosition(position + totalBytes);
            queueOffsets.advance(topic, queueId, queueOffset + sizes.length);
            return new AppendResult(records, physicalOffset + totalBytes);
        } finally {
            unlockAppends();
        }
    }

    /**
     * Takes the append lock and notes when; returns that time, which is also the store time of what is
     * appended under it (taken under the lock, store times follow physical order).
     */
    private long lockAppends() {
        appendLock.lock();
        long nowMs = clock.millis();
        appendLockTakenMs = nowMs;
        return nowMs;
    }

    private void unlockAppends() {
        appendLockTakenMs = 0;
        appendLock.unlock();
    }

    /** How long the append in progress has held the append lock; 0 when no append holds it. */
    public long appendLockHeldMs() {
        long takenMs = appendLockTakenMs;
        return takenMs == 0 ? 0 : Math.max(0, clock.millis() - takenMs);
    }

    /** The last segment if the bytes fit before its blank-marker reserve; else it is closed with a blank. */
    private MappedFile segmentWithRoomFor(int bytes) {
        MappedFile segment = segments.lastWritable(0);
        if (bytes + RecordLayout.BLANK_MARKER_BYTES > segment.remainingBytes()) {
            segment.reserve(segment.writePosition() + RecordLayout.BLANK_MARKER_BYTES, 0);
            MessageEncoder.writeBlank(segment.writer(), segment.writePosition(), segment.remainingBytes());
            segment.publishWritePosition(segment.sizeBytes());
            segment = segments.createNext(segment.endOffset());
        }
        return segment;
    }

    private static List<AppendedRecord> stamp(
            ByteBuffer encoded, int[] sizes, long queueOffset, long physicalOffset, long storeTimestampMs) {
        List<AppendedRecord> records = new ArrayList<>(sizes.length);
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            MessageEncoder.stamp(encoded, start, queueOffset + i, physicalOffset + start, storeTimestampMs);
            records.add(new AppendedRecord(physicalOffset + start, queueOffset + i, sizes[i], storeTimestampMs));
            start += sizes[i];
        }
        return records;
    }

    /**
     * Replication on a slave: copies the master's bytes in at exactly {@code offset}, which must be the
     * max offset (or a segment start when the log is empty). Segments roll where the master's did,
     * because the master sends no chunk across a segment end and fills each segment's tail with a blank.
     */
    public long appendReplicated(long offset, ByteBuffer bytes) {
        int length = bytes.remaining();
        lockAppends();
        try {
            MappedFile segment = segments.last();
            if (segment == null) {
                if (offset % segments.segmentSizeBytes() != 0) {
                    throw new ReplicaAppendException("an empty log can start only at a segment boundary of "
                            + segments.segmentSizeBytes() + " bytes, not at offset " + offset
                            + " (is mappedFileSizeCommitLog the same as on the master?)");
                }
                segment = segments.createNext(offset);
            } else if (offset != segments.maxOffset()) {
                throw new ReplicaAppendException("replicated bytes for offset " + offset
                        + " do not continue the log at " + segments.maxOffset());
            } else if (segment.isFull()) {
                segment = segments.createNext(segment.endOffset());
            }
            if (length > segment.remainingBytes()) {
                throw new ReplicaAppendException(length + " replicated bytes at offset " + offset
                        + " cross the end of segment " + segment.path().getFileName()
                        + " (is mappedFileSizeCommitLog the same as on the master?)");
            }
            int position = segment.writePosition();
            segment.reserve(position + length, RESERVE_AHEAD_BYTES);
            segment.writer().put(position, bytes, bytes.position(), length);
            segment.publishWritePosition(position + length);
            return segment.startOffset() + position + length;
        } finally {
            unlockAppends();
        }
    }

    /** Up to {@code maxBytes} written bytes from {@code offset} within one segment, pinned; null if none. */
    public LogChunk readChunk(long offset, int maxBytes) {
        MappedFile segment = segments.retainByOffset(offset);
        if (segment == null) {
            return null;
        }
        int position = (int) (offset - segment.startOffset());
        int length = Math.min(maxBytes, segment.writePosition() - position);
        if (length <= 0) {
            segment.release();
            return null;
        }
        return new LogChunk(segment.slice(position, length), offset, segment::release);
    }

    /**
     * Cuts the log at {@code offset} under the append lock and resets the queue offsets to
     * {@code nextOffsets} (as the trimmed consume queues say), so appends can continue from there.
     */
    public void truncateFrom(long offset, Runnable resetQueueOffsets) {
        appendLock.lock();
        try {
            segments.truncateTo(offset, true);
            resetQueueOffsets.run();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * The record at {@code offset}, pinned until the slice is closed; null if no record starts there (or
     * no longer does). Offsets come from clients too (VIEW_MESSAGE_BY_ID), so the bytes are checked to be
     * a whole record that says it lives at this offset.
     */
    public RecordSlice read(long offset) {
        MappedFile segment = segments.retainByOffset(offset);
        if (segment == null) {
            return null;
        }
        int position = (int) (offset - segment.startOffset());
        ByteBuffer reader = segment.reader();
        RecordCheck check = RecordValidator.check(reader, position, segment.writePosition(), false);
        if (check.kind() != RecordCheck.Kind.RECORD
                || RecordView.at(reader, position).physicalOffset() != offset) {
            segment.release();
            return null;
        }
        return new RecordSlice(segment.slice(position, check.sizeBytes()), offset, segment::release);
    }

    /**
     * Whether the log contradicts a consume-queue entry: it has bytes at or past {@code offset} but no record
     * of {@code topic}-{@code queueId} at {@code queueOffset} starts there. Below the first byte nothing can be
     * told: false. Recovery checks the entries a queue keeps with it.
     */
    public boolean contradicts(long offset, String topic, int queueId, long queueOffset) {
        if (offset < minOffset()) {
            return false;
        }
        try (RecordSlice slice = read(offset)) {
            if (slice == null) {
                return true;
            }
            RecordView record = RecordView.at(slice.buffer(), 0);
            return record.queueId() != queueId
                    || record.queueOffset() != queueOffset
                    || !record.topic().equals(topic);
        }
    }

    /** Store time of the record at {@code offset}, or -1 if it is not stored. */
    public long storeTimestampMs(long offset) {
        try (RecordSlice slice = read(offset)) {
            return slice == null ? -1 : RecordView.at(slice.buffer(), 0).storeTimestampMs();
        }
    }

    public long minOffset() {
        return segments.minOffset();
    }

    public long maxOffset() {
        return segments.maxOffset();
    }

    public long flushedOffset() {
        return segments.flushedOffset();
    }

    /** Forces everything written so far; returns the flushed offset. */
    public long flush() {
        return segments.flush();
    }

    public MappedFileQueue segments() {
        return segments;
    }

    public QueueOffsetTable queueOffsets() {
        return queueOffsets;
    }
}
