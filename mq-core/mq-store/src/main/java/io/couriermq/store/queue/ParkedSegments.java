package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a parked consume queue keeps to map its segments again, and what it can do to its files without
 * mapping them: force the bytes not yet on disk, delete expired or all segments. Immutable; the queue
 * replaces it under its lock.
 *
 * <p>The trim a queue still owes after recovery ({@link TailTrim}) is part of the same snapshot, so a reader
 * that does not lock sees the segments' end and whether it can be trusted in one read: an end with a trim owed
 * is where the files end, not where the entries do.
 *
 * @param startOffsets the segments' first byte offsets, oldest first
 * @param endOffset one past the last byte holding data, or the last segment's end while a trim is owed
 * @param flushedOffset one past the last byte known to be on disk
 * @param owedTrim the trim to apply when the segments are next mapped; null if none
 */
record ParkedSegments(List<Long> startOffsets, long endOffset, long flushedOffset, TailTrim owedTrim) {
    private static final Logger log = LoggerFactory.getLogger(ParkedSegments.class);
    static final ParkedSegments EMPTY = new ParkedSegments(List.of(), 0, 0);

    ParkedSegments {
        startOffsets = List.copyOf(startOffsets);
    }

    ParkedSegments(List<Long> startOffsets, long endOffset, long flushedOffset) {
        this(startOffsets, endOffset, flushedOffset, null);
    }

    /** The same segments with {@code trim} owed. */
    ParkedSegments owing(TailTrim trim) {
        return new ParkedSegments(startOffsets, endOffset, flushedOffset, trim);
    }

    boolean owesTrim() {
        return owedTrim != null;
    }

    /** Every segment as full, as a queue found on disk is taken until the trim recovery hands it is applied. */
    static ParkedSegments full(List<Long> startOffsets, int segmentSizeBytes) {
        long end = startOffsets.get(startOffsets.size() - 1) + segmentSizeBytes;
        return new ParkedSegments(startOffsets, end, end);
    }

    /**
     * The segments a clean stop wrote for one queue ({@link QueueEnds}): contiguous from the first to the one
     * holding the last byte, all on disk. Empty if the figures are impossible or the first or last file is
     * missing; the queue's files are then listed instead.
     */
    static Optional<ParkedSegments> ofEnd(QueueEnds.End end, Path directory, int segmentSizeBytes) {
        long first = end.firstSegmentOffset();
        long last = end.endOffset() > first ? (end.endOffset() - 1) / segmentSizeBytes * segmentSizeBytes : first;
        if (first < 0
                || first % segmentSizeBytes != 0
                || end.endOffset() < first
                || (last - first) / segmentSizeBytes > 1_000_000
                || !Files.exists(directory.resolve(MappedFileQueue.segmentName(first)))
                || !Files.exists(directory.resolve(MappedFileQueue.segmentName(last)))) {
            return Optional.empty();
        }
        List<Long> starts = new ArrayList<>();
        for (long start = first; start <= last; start += segmentSizeBytes) {
            starts.add(start);
        }
        return Optional.of(new ParkedSegments(starts, end.endOffset(), end.endOffset()));
    }

    /** Forces the segments holding unflushed bytes (dirty pages outlive their mapping); all flushed after. */
    ParkedSegments forced(Path directory, int segmentSizeBytes, SegmentFiles files) {
        if (flushedOffset >= endOffset) {
            return this;
        }
        for (long start : startOffsets) {
            if (start + segmentSizeBytes <= flushedOffset || start >= endOffset) {
                continue;
            }
            Path path = directory.resolve(MappedFileQueue.segmentName(start));
            try (FileChannel channel = files.open(path, segmentSizeBytes)) {
                channel.force(false);
            } catch (IOException e) {
                throw new StoreIoException("cannot force " + path + ": " + e, e);
            }
        }
        return new ParkedSegments(startOffsets, endOffset, endOffset, owedTrim);
    }

    /**
     * Writes one entry through the file of the last segment, without mapping it: the state with the entry in,
     * or null if it cannot be written so (a trim is owed, the queue has no segment, the entry is not the next
     * one, or it does not fit in the last segment), and the caller maps the queue instead. The bytes land in
     * the page cache as a mapped write's would, so a mapping made later, or one a reader still holds, sees them;
     * they are on disk once forced ({@link #forced}).
     */
    ParkedSegments appended(
            Path directory, int segmentSizeBytes, SegmentFiles files, long queueOffset, ByteBuffer entry) {
        if (owesTrim() || startOffsets.isEmpty() || queueOffset * ConsumeQueue.ENTRY_BYTES != endOffset) {
            return null;
        }
        long lastStart = startOffsets.get(startOffsets.size() - 1);
        long position = endOffset - lastStart;
        if (position < 0 || position + entry.remaining() > segmentSizeBytes) {
            return null;
        }
        Path path = directory.resolve(MappedFileQueue.segmentName(lastStart));
        int bytes = entry.remaining();
        try (FileChannel channel = files.open(path, segmentSizeBytes)) {
            long at = position;
            while (entry.hasRemaining()) {
                at += channel.write(entry, at);
            }
        } catch (IOException e) {
            throw StoreIoException.writing(path, position, position + bytes, e);
        }
        return new ParkedSegments(startOffsets, endOffset + bytes, flushedOffset);
    }

    /** Deletes the segments whose bytes all precede {@code minBytes}, never the last one. */
    ParkedSegments withoutExpired(Path directory, int segmentSizeBytes, long minBytes) {
        int expired = 0;
        while (expired < startOffsets.size() - 1 && startOffsets.get(expired) + segmentSizeBytes <= minBytes) {
            delete(directory, startOffsets.get(expired));
            expired++;
        }
        return expired == 0
                ? this
                : new ParkedSegments(
                        startOffsets.subList(expired, startOffsets.size()), endOffset, flushedOffset, owedTrim);
    }

    /** Deletes every segment; returns how many. */
    int deleteAll(Path directory) {
        startOffsets.forEach(start -> delete(directory, start));
        return startOffsets.size();
    }

    private static void delete(Path directory, long start) {
        Path path = directory.resolve(MappedFileQueue.segmentName(start));
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot delete consume-queue segment {}: {}", path, e.toString());
        }
    }
}
