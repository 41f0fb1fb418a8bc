package io.couriermq.store;

import java.nio.ByteBuffer;
import java.util.function.LongConsumer;

/**
 * The commit log as replication sees it: raw bytes out on a master, raw bytes in on a slave. The store
 * knows nothing of the network; the broker's HA service moves the bytes.
 *
 * <p>A replica store takes no puts ({@link #setReplicaMode}): its log is the master's, byte for byte, so
 * offsets, message ids and CRCs are the same on both sides. Its own dispatcher still builds the consume
 * queues and the index from the appended records.
 */
public interface CommitLogReplica {

    /** Offset one past the last byte of the log (0 when empty). */
    long maxOffset();

    /** Offset of the first byte still kept (0 when empty). */
    long minOffset();

    int segmentSizeBytes();

    /**
     * Up to {@code maxBytes} written bytes from {@code offset}, never across a segment end; null when
     * nothing is written there yet or the offset is no longer kept. The chunk must be closed.
     */
    LogChunk read(long offset, int maxBytes);

    /**
     * Appends replicated bytes. {@code offset} must be the log's max offset, or, for an empty log, the
     * start of a segment; the bytes must fit in the segment they start in (the master never sends across
     * one).
     *
     * @return the new max offset
     * @throws ReplicaAppendException if the offset or the size does not fit; nothing is written then
     */
    long append(long offset, ByteBuffer bytes);

    /**
     * Removes every byte from {@code offset} on, with the consume-queue entries of those records, so the
     * log can continue from there. Index entries of removed records stay but no longer match a record,
     * and key queries check each hit against the record.
     */
    void truncateFrom(long offset);

    /** Called with the new max offset after every local put (the master wakes its senders). */
    void addAppendListener(LongConsumer listener);

    /** On: puts answer SERVICE_NOT_AVAILABLE, so nothing but replication writes the log. */
    void setReplicaMode(boolean replica);

    boolean isReplicaMode();
}
