package io.couriermq.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered segments of one log (commit log, one consume queue, or the index), each named by the
 * 20-digit offset of its first byte, all the same size.
 *
 * <p>Thread-safety: one writer appends ({@link #lastWritable}, {@link #createNext}); readers look segments
 * up concurrently ({@link #retainByOffset}); retention removes from the head. The list is copy-on-write
 * because it changes once per segment and is read on every message.
 */
public final class MappedFileQueue {
    private static final Logger log = LoggerFactory.getLogger(MappedFileQueue.class);

    private final Path directory;
    private final int segmentSizeBytes;
    private final SegmentFiles files;
    private final SegmentAllocator allocator;
    private final CopyOnWriteArrayList<MappedFile> segments = new CopyOnWriteArrayList<>();
    private volatile long flushedOffset;

    /** @param allocator prepares the next segment off the hot path; null to create segments inline */
    public MappedFileQueue(Path directory, int segmentSizeBytes, SegmentFiles files, SegmentAllocator allocator) {
        this.directory = directory;
        this.segmentSizeBytes = segmentSizeBytes;
        this.files = files;
        this.allocator = allocator;
    }

    public static String segmentName(long startOffset) {
        return String.format("%020d", startOffset);
    }

    public Path directory() {
        return directory;
    }

    public int segmentSizeBytes() {
        return segmentSizeBytes;
    }

    /** Maps the existing segments as fully written; recovery then trims the last ones. */
    public void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> paths = listing.filter(p -> p.getFileName().toString().matches("\\d{20}"))
                    .sorted()
                    .toList();
            for (Path path : paths) {
                MappedFile segment = MappedFile.open(
                        files, path, Long.parseLong(path.getFileName().toString()), segmentSizeBytes);
                segment.resetPositions(segmentSizeBytes);
                segments.add(segment);
            }
        } catch (IOException e) {
            throw new StoreIoException("cannot list segments in " + directory, e);
        }
        flushedOffset = maxOffset();
    }

    public List<MappedFile> segments() {
        return List.copyOf(segments);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public MappedFile first() {
        List<MappedFile> snapshot = segments;
        return snapshot.isEmpty() ? null : snapshot.get(0);
    }

    public MappedFile last() {
        List<MappedFile> snapshot = segments;
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    /** The segment to append to: the last one, or a new one after it when it is full. */
    public MappedFile lastWritable(long startOffsetIfEmpty) {
        MappedFile last = last();
        if (last == null) {
            return createNext(startOffsetIfEmpty);
        }
        return last.isFull() ? createNext(last.endOffset()) : last;
    }

    /** Adds a segment starting at {@code startOffset}; throws {@link StoreIoException} if it cannot. */
    public MappedFile createNext(long startOffset) {
        Path path = directory.resolve(segmentName(startOffset));
        MappedFile segment = allocator != null
                ? allocator.take(path, startOffset, segmentSizeBytes)
                : MappedFile.open(files, path, startOffset, segmentSizeBytes);
        segments.add(segment);
        if (allocator != null) {
            long next = startOffset + segmentSizeBytes;
            allocator.prepare(directory.resolve(segmentName(next)), next, segmentSizeBytes);
        }
        return segment;
    }

    /** The segment holding {@code offset}, or null. The caller must {@link MappedFile#retain()} it to read. */
    public MappedFile findByOffset(long offset) {
        List<MappedFile> snapshot = segments;
        int low = 0;
        int high = snapshot.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            MappedFile segment = snapshot.get(middle);
            if (offset < segment.startOffset()) {
                high = middle - 1;
            } else if (offset >= segment.endOffset()) {
                low = middle + 1;
            } else {
                return segment;
            }
        }
        return null;
    }

    /** The segment holding {@code offset} with a reference taken, or null if there is none (any more). */
    public MappedFile retainByOffset(long offset) {
        MappedFile segment = findByOffset(offset);
        return segment != null && segment.retain() ? segment : null;
    }

    /** Offset of the first byte still kept; 0 when empty. */
    public long minOffset() {
        MappedFile first = first();
        return first == null ? 0 : first.startOffset();
    }

    /** Offset one past the last written byte; 0 when empty. */
    public long maxOffset() {
        MappedFile last = last();
        return last == null ? 0 : last.startOffset() + last.writePosition();
    }

    public long flushedOffset() {
        return flushedOffset;
    }

    /** Forces every written byte to disk, oldest segment first; returns the flushed offset. */
    public synchronized long flush() {
        for (MappedFile segment : segments) {
            if (segment.endOffset() <= flushedOffset) {
                continue;
            }
            int position = segment.flush();
            flushedOffset = Math.max(flushedOffset, segment.startOffset() + position);
            if (position < segment.sizeBytes()) {
                break;
            }
        }
        return flushedOffset;
    }

    /**
     * Recovery: makes {@code offset} the end of the data; later segments go. After a crash the tail of
     * the segment holding it is zeroed, so bytes of a torn write can never pass for a record later.
     */
    public synchronized void truncateTo(long offset, boolean zeroTail) {
        List<MappedFile> doomed = new ArrayList<>();
        MappedFile first = first();
        for (MappedFile segment : segments) {
            boolean keepEmpty = segment == first && segment.startOffset() == offset;
            if (segment.startOffset() >= offset && !keepEmpty) {
                doomed.add(segment);
            } else if (offset < segment.endOffset()) {
                int position = (int) (offset - segment.startOffset());
                if (zeroTail) {
                    segment.zeroFrom(position);
                }
                segment.resetPositions(position);
            }
        }
        for (MappedFile segment : doomed) {
            log.warn("recovery removes segment {} past the end of valid data at offset {}", segment.path(), offset);
            segments.remove(segment);
            segment.destroy();
        }
        flushedOffset = Math.min(offset, maxOffset());
    }

    /**
     * Deletes segments from the head while {@code expired} says so, at most {@code maxCount}, never the
     * last one. Readers holding a deleted segment keep it mapped until they release it.
     */
    public synchronized List<MappedFile> deleteFromHead(Predicate<MappedFile> expired, int maxCount) {
        List<MappedFile> deleted = new ArrayList<>();
        while (deleted.size() < maxCount && segments.size() > 1) {
            MappedFile head = segments.get(0);
            if (!expired.test(head)) {
                break;
            }
            segments.remove(0);
            head.destroy();
            deleted.add(head);
        }
        return deleted;
    }

    /**
     * Deletes every segment, the last one too, and then the directory if nothing else is in it: the
     * queue is gone (an unused topic's consume queue). Readers holding a segment keep it until they let go.
     */
    public synchronized int destroyAll() {
        int count = segments.size();
        for (MappedFile segment : segments) {
            segment.destroy();
        }
        segments.clear();
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a reader still holds a deleted file open, or a stray file sits there: the directory stays
            log.debug("directory {} not removed: {}", directory, e.toString());
        }
        return count;
    }

    /** Unmaps every segment (once readers let go); files stay. */
    public synchronized void shutdown() {
        for (MappedFile segment : segments) {
            segment.close();
        }
        segments.clear();
    }
}
