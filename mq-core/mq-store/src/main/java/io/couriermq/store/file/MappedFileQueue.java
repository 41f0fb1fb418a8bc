package io.couriermq.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
    /**
     * Immutable, replaced whole under {@link #listLock} (its own lock, so a flush in progress does not hold
     * up the writer's next segment): a reader's copy of the reference never changes under it, even while
     * the queue is emptied (a consume queue being unmapped).
     */
    private volatile List<MappedFile> segments = List.of();

    private final Object listLock = new Object();
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
        List<MappedFile> loaded = new ArrayList<>();
        for (long start : listStartOffsets(directory)) {
            MappedFile segment = MappedFile.open(files, directory.resolve(segmentName(start)), start, segmentSizeBytes);
            segment.resetPositions(segmentSizeBytes);
            loaded.add(segment);
        }
        change(list -> list.addAll(loaded));
        flushedOffset = maxOffset();
    }

    private List<MappedFile> takeAll() {
        synchronized (listLock) {
            List<MappedFile> all = segments;
            segments = List.of();
            return all;
        }
    }

    private void change(Consumer<List<MappedFile>> edit) {
        synchronized (listLock) {
            List<MappedFile> next = new ArrayList<>(segments);
            edit.accept(next);
            segments = List.copyOf(next);
        }
    }

    /** The start offsets of the segment files in {@code directory}, oldest first, without mapping any. */
    public static List<Long> listStartOffsets(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}"))
                    .map(Long::parseLong)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StoreIoException("cannot list segments in " + directory, e);
        }
    }

    /**
     * Maps segments known from an earlier mapping of this queue (an empty queue only): those starting at
     * {@code startOffsets}, holding data up to {@code endOffset}, on disk up to {@code flushedOffset}. No
     * listing and no search: the caller kept these when it let the earlier mapping go.
     */
    public synchronized void remap(List<Long> startOffsets, long endOffset, long flushedOffset) {
        if (!segments.isEmpty()) {
            throw new IllegalStateException("remapping " + directory + " while it is mapped");
        }
        List<MappedFile> mapped = new ArrayList<>(startOffsets.size());
        try {
            for (long start : startOffsets) {
                MappedFile segment =
                        MappedFile.open(files, directory.resolve(segmentName(start)), start, segmentSizeBytes);
                mapped.add(segment);
                segment.resetPositions(positionIn(segment, endOffset), positionIn(segment, flushedOffset));
            }
        } catch (RuntimeException e) {
            mapped.forEach(MappedFile::close);
            throw e;
        }
        change(list -> list.addAll(mapped));
        this.flushedOffset = Math.min(flushedOffset, endOffset);
    }

    private int positionIn(MappedFile segment, long offset) {
        return (int) Math.max(0, Math.min(segment.sizeBytes(), offset - segment.startOffset()));
    }

    /** How many segments are mapped. */
    public int segmentCount() {
        return segments.size();
    }

    /** The first byte offset of each segment, oldest first. */
    public List<Long> startOffsets() {
        List<MappedFile> snapshot = segments;
        List<Long> starts = new ArrayList<>(snapshot.size());
        snapshot.forEach(segment -> starts.add(segment.startOffset()));
        return starts;
    }

    public List<MappedFile> segments() {
        return segments;
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
        change(list -> list.add(segment));
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
            change(list -> list.remove(segment));
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
            change(list -> list.remove(0));
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
        List<MappedFile> doomed = takeAll();
        for (MappedFile segment : doomed) {
            segment.destroy();
        }
        int count = doomed.size();
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
        List<MappedFile> closing = takeAll();
        for (MappedFile segment : closing) {
            segment.close();
        }
    }
}
