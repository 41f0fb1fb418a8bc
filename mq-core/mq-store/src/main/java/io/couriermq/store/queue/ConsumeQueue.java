package io.couriermq.store.queue;

import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 *
 * <p><b>Parking.</b> A queue's segments are mapped only while it is in use: a store with tens of thousands
 * of queues would otherwise run out of mappings ({@link MappingBudget}). A parked queue keeps what it needs
 * to map its segments again (their offsets, where its data ends, what is on disk) and is mapped again by
 * the next read or a write soon after its last use; a write after a longer idle goes through the file.
 * Writes, parking and mapping again hold the queue's lock; readers do not: a reader
 * whose segment was parked under it tries again. Loading at start-up only lists the files.
 *
 * <p><b>Recovery on first use.</b> A queue loaded without an exact end is taken as if its segments were
 * full, and recovery hands it the trim it owes ({@link #deferTrim}) instead of mapping it. Whatever maps the
 * segments under the lock applies that trim first, once, before it publishes them, so a reader that does not
 * lock never sees the entries it cuts; a reader that finds the queue parked with a trim owed (its figures are
 * then the files', not the entries') takes the lock and maps it.
 */
public final class ConsumeQueue {
    public static final int ENTRY_BYTES = 20;
    static final int COMMIT_LOG_OFFSET_FIELD = 0;
    static final int SIZE_FIELD = 8;
    static final int TAGS_HASH_FIELD = 12;
    static final long FILLER_COMMIT_LOG_OFFSET = -1;
    private static final long NO_ENTRIES = Long.MAX_VALUE;

    private final String topic;
    private final int queueId;
    private final Path directory;
    private final int segmentSizeBytes;
    private final SegmentFiles files;
    private final MappingBudget budget;
    private final Object lock = new Object();
    /** Null while parked. */
    private volatile MappedFileQueue segments;
    /** What a parked queue maps again; stale while mapped. Written under the lock. */
    private volatile ParkedSegments parked = ParkedSegments.EMPTY;

    private volatile long minOffset;
    private volatile long lastUsedNanos = System.nanoTime();
    /**
     * A lower bound of the commit-log offsets of the entries from the min offset on: -1 when unknown,
     * {@link #NO_ENTRIES} when there are none. Retention asks every queue after the commit log's head moved;
     * with it, only queues that may hold an entry below the new head are read (and mapped).
     */
    private volatile long lowestCommitLogOffset = -1;
    /** Loaded from the ends a clean stop wrote: nothing after the end needs trimming. */
    private volatile boolean exactEnd;

    /** A queue with its own budget (tests): never parked unless asked. */
    public ConsumeQueue(String topic, int queueId, Path directory, int segmentSizeBytes, SegmentFiles files) {
        this(topic, queueId, directory, segmentSizeBytes, files, new MappingBudget(Integer.MAX_VALUE, List::of));
    }

    ConsumeQueue(
            String topic, int queueId, Path directory, int segmentSizeBytes, SegmentFiles files, MappingBudget budget) {
        if (segmentSizeBytes % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException(
                    "mappedFileSizeConsumeQueue must be a multiple of 20: " + segmentSizeBytes);
        }
        this.topic = topic;
        this.queueId = queueId;
        this.directory = directory;
        this.segmentSizeBytes = segmentSizeBytes;
        this.files = files;
        this.budget = budget;
        this.segments = new MappedFileQueue(directory, segmentSizeBytes, files, null);
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    /**
     * Finds the segment files, maps none: the queue starts parked as if every segment were full, until the
     * trim recovery hands it ({@link #deferTrim}) is applied.
     */
    public void load() {
        synchronized (lock) {
            List<Long> starts = MappedFileQueue.listStartOffsets(directory);
            if (starts.isEmpty()) {
                return;
            }
            release(segments);
            parked = ParkedSegments.full(starts, segmentSizeBytes);
            segments = null;
            minOffset = starts.get(0) / ENTRY_BYTES;
        }
    }

    /**
     * Takes the segments, end and offsets a clean stop wrote ({@link QueueEnds}), mapping and listing
     * nothing; false (and nothing taken) if they do not fit the files, which then have to be listed.
     */
    boolean loadKnown(QueueEnds.End end) {
        Optional<ParkedSegments> known = ParkedSegments.ofEnd(end, directory, segmentSizeBytes);
        if (known.isEmpty()) {
            return false;
        }
        synchronized (lock) {
            release(segments);
            parked = known.get();
            segments = null;
            minOffset = end.minOffset();
            lowestCommitLogOffset = end.lowestCommitLog();
            exactEnd = true;
        }
        return true;
    }

    /**
     * Where this queue ends, for {@link QueueEnds}; null if it holds no segment. A queue that still owes its
     * trim is mapped and trimmed now: written as it is, its end would be its files' end, and left out the next
     * start would not load it at all (only the queues in the file are), nor could it defer the trim again,
     * since the next checkpoint's offset no longer marks the entries to cut.
     */
    QueueEnds.End end() {
        QueueEnds.End end;
        synchronized (lock) {
            MappedFileQueue open = tailPending() ? mapLocked() : segments;
            List<Long> starts = open != null ? open.startOffsets() : parked.startOffsets();
            long endOffset = open != null ? open.maxOffset() : parked.endOffset();
            end = starts.isEmpty()
                    ? null
                    : new QueueEnds.End(topic, queueId, starts.get(0), endOffset, minOffset, lowestCommitLogOffset);
        }
        budget.enforce();
        return end;
    }

    /** Offset of the first readable entry. */
    public long minOffset() {
        long max = maxOffset(); // first: it applies an owed trim, which may move the min offset
        return Math.min(minOffset, max);
    }

    /** Offset the next entry will get: the number of entries ever written. */
    public long maxOffset() {
        while (true) {
            MappedFileQueue open = segments;
            if (open == null) {
                ParkedSegments state = parked;
                if (segments == null) {
                    return state.owesTrim() ? trimmedMaxOffset() : state.endOffset() / ENTRY_BYTES;
                }
            } else {
                long end = open.maxOffset();
                // parking clears the segment list after it unpublishes it: a read that sees it still
                // published came before
                if (segments == open) {
                    return end / ENTRY_BYTES;
                }
            }
        }
    }

    /** Maps the queue, which applies the trim it owes, and reads its end. */
    private long trimmedMaxOffset() {
        long end;
        synchronized (lock) {
            end = mapLocked().maxOffset() / ENTRY_BYTES;
        }
        budget.enforce();
        return end;
    }

    /**
     * Whether the trim recovery handed this queue is still to be applied at its first use (a mapped queue has
     * applied it). Once false, never true again.
     */
    public boolean tailPending() {
        return segments == null && parked.owesTrim();
    }

    /** Segments mapped now: 0 while parked, or before its first entry. */
    int mappedSegments() {
        MappedFileQueue open = segments;
        return open == null ? 0 : open.segmentCount();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Writes the entry at {@code queueOffset}. An entry that is already there (recovery re-dispatching)
     * is skipped; returns whether it was written.
     */
    public boolean put(long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {
        long now = System.nanoTime();
        long previousUse = lastUsedNanos;
        lastUsedNanos = now;
        boolean written;
        synchronized (lock) {
            if (segments == null
                    && !budget.mapsForWrite(now - previousUse)
                    && putParkedLocked(queueOffset, commitLogOffset, sizeBytes, tagsHash)) {
                return true;
            }
            MappedFileQueue open = mapLocked();
            int before = open.segmentCount();
            try {
                written = putLocked(open, queueOffset, commitLogOffset, sizeBytes, tagsHash);
            } finally {
                budget.mapped(open.segmentCount() - before);
            }
        }
        budget.enforce();
        return written;
    }

    /** Under the lock, on a parked queue: the entry written through its file, or false if it must be mapped. */
    private boolean putParkedLocked(long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {
        ParkedSegments appended = parked.appended(
                directory,
                segmentSizeBytes,
                files,
                queueOffset,
                MappedEntries.encode(commitLogOffset, sizeBytes, tagsHash));
        if (appended != null) {
            parked = appended;
            lowestCommitLogOffset = Math.min(lowestCommitLogOffset, commitLogOffset); // from NO_ENTRIES, or kept
        }
        return appended != null;
    }

    private boolean putLocked(
            MappedFileQueue open, long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {
        boolean first = open.isEmpty();
        if (!MappedEntries.put(open, segmentSizeBytes, queueOffset, commitLogOffset, sizeBytes, tagsHash, this)) {
            return false;
        }
        if (first) {
            minOffset = queueOffset;
        }
        if (first || lowestCommitLogOffset == NO_ENTRIES) {
            lowestCommitLogOffset = commitLogOffset;
        }
        return true;
    }

    /** Up to {@code maxEntries} entries from {@code fromOffset} within one segment; null if not stored. */
    public QueueEntries entries(long fromOffset, int maxEntries) {
        lastUsedNanos = System.nanoTime();
        MappedFileQueue open = segments;
        if (open != null) {
            QueueEntries entries = MappedEntries.entriesIn(open, fromOffset, maxEntries);
            if (entries != null || segments == open) {
                return entries;
            }
            // parked while we looked: its segments were closed under us
        }
        QueueEntries entries;
        synchronized (lock) {
            entries = MappedEntries.entriesIn(mapLocked(), fromOffset, maxEntries);
        }
        // the entries hold their segment: parking it now cannot take it from under them
        budget.enforce();
        return entries;
    }

    /** The first offset whose record is at or past {@code commitLogOffset}; the max offset if none. */
    public long firstOffsetAtOrAfter(long commitLogOffset) {
        long first;
        synchronized (lock) {
            first = MappedEntries.firstOffsetAtOrAfter(mapLocked(), commitLogOffset);
        }
        budget.enforce();
        return first;
    }

    /**
     * Recovery: keeps the entries of records below {@code dispatchedCommitLogOffset} (flushed before the
     * checkpoint said so) and trims everything after, which the dispatcher then rewrites. After a crash
     * ({@code zeroTail}) the bytes after the last entry kept are zeroed too. Now, mapping the queue; recovery
     * at start-up defers it instead ({@link #deferTrim}).
     */
    public void truncateAfterCheckpoint(long dispatchedCommitLogOffset, boolean zeroTail) {
        trim(new TailTrim(dispatchedCommitLogOffset, zeroTail, TailTrim.UNCHECKED), false);
    }

    /**
     * Recovery at start-up: {@link #truncateAfterCheckpoint} left to the queue's first use, so a start maps no
     * queue it does not need, and checked against the commit log ({@link TailTrim}). Returns whether it was
     * deferred: a queue with an exact end after a clean stop needs no trim, and a mapped one (or one without
     * segments) is trimmed now, which opens no file.
     */
    public boolean deferTrim(long dispatchedCommitLogOffset, boolean zeroTail, EntryCheck check) {
        return trim(new TailTrim(dispatchedCommitLogOffset, zeroTail, check), true);
    }

    private boolean trim(TailTrim trim, boolean mayDefer) {
        synchronized (lock) {
            if (exactEnd && !trim.zeroTail()) {
                return false; // a clean stop wrote where it ends, after every entry had been dispatched
            }
            if (mayDefer && segments == null) {
                parked = parked.owing(trim);
                lowestCommitLogOffset = -1;
                return true;
            }
            MappedFileQueue open = mapLocked();
            int before = open.segmentCount();
            trimLocked(open, trim);
            budget.mapped(open.segmentCount() - before);
        }
        budget.enforce();
        return false;
    }

    /** Under the lock, on mapped segments: cuts the tail and corrects the offsets that depend on it. */
    private void trimLocked(MappedFileQueue open, TailTrim trim) {
        long end = trim.cut(open, topic, queueId);
        minOffset = Math.min(minOffset, end);
        // entries rewritten after the cut may point below the bound kept so far
        lowestCommitLogOffset = -1;
        if (trim.correctsMinOffset()) {
            correctMinOffsetLocked(open, trim.commitLogMinOffset());
        }
    }

    /**
     * Moves the min offset past entries whose records are below the commit log's first byte. Nothing is
     * read (nor mapped) when no entry from the min offset on can be below it, nor while the queue owes its
     * trim: the correction is then applied after the trim, at first use (the min offset is read through
     * {@link #maxOffset}, which applies both).
     */
    public void correctMinOffset(long commitLogMinOffset) {
        long lowest = lowestCommitLogOffset;
        if (lowest >= 0 && commitLogMinOffset <= lowest) {
            return;
        }
        synchronized (lock) {
            if (tailPending()) {
                parked = parked.owing(parked.owedTrim().withMinCorrection(commitLogMinOffset));
                return;
            }
            correctMinOffsetLocked(mapLocked(), commitLogMinOffset);
        }
        budget.enforce();
    }

    private void correctMinOffsetLocked(MappedFileQueue open, long commitLogMinOffset) {
        long first = MappedEntries.firstOffsetAtOrAfter(open, commitLogMinOffset);
        minOffset = first;
        lowestCommitLogOffset = MappedEntries.commitLogOffsetAt(open, first, NO_ENTRIES);
    }

    /** Retention: deletes whole segments whose entries all precede {@code minOffset}; never the last. */
    public int deleteSegmentsBelowMinOffset() {
        long minBytes = minOffset() * ENTRY_BYTES;
        synchronized (lock) {
            MappedFileQueue open = segments;
            if (open != null) {
                int deleted = open.deleteFromHead(segment -> segment.endOffset() <= minBytes, Integer.MAX_VALUE)
                        .size();
                budget.mapped(-deleted);
                return deleted;
            }
            int before = parked.startOffsets().size();
            parked = parked.withoutExpired(directory, segmentSizeBytes, minBytes);
            return before - parked.startOffsets().size();
        }
    }

    /** Forces written entries to disk, a parked queue's through its files; returns the flushed byte offset. */
    public long flush() {
        while (true) {
            MappedFileQueue open = segments;
            if (open != null) {
                long flushed = open.flush();
                if (segments == open) {
                    return flushed;
                }
                // parked during the flush: what it did not force is now in the parked state
                continue;
            }
            synchronized (lock) {
                if (segments == null) {
                    return flushParked();
                }
            }
        }
    }

    /** Under the lock: forces the parked queue's unflushed bytes. */
    private long flushParked() {
        parked = parked.forced(directory, segmentSizeBytes, files);
        return parked.endOffset();
    }

    /**
     * Unmaps the queue's segments, keeping what maps them again; false if it holds none. Readers holding a
     * segment keep it until they let go.
     */
    boolean park() {
        synchronized (lock) {
            MappedFileQueue open = segments;
            if (open == null || open.isEmpty()) {
                return false;
            }
            parked = new ParkedSegments(
                    open.startOffsets(), open.maxOffset(), Math.min(open.flushedOffset(), open.maxOffset()));
            segments = null;
            release(open);
            return true;
        }
    }

    /**
     * Under the lock: the mapped segments, mapping a parked queue's again and applying the trim it owes.
     * The trim comes before the segments are published, so no reader sees what it cuts. The parked state
     * keeps the trim it owed until the next park replaces it: a reader that still sees that state takes
     * the lock, and finds the queue mapped.
     */
    private MappedFileQueue mapLocked() {
        MappedFileQueue open = segments;
        if (open != null) {
            return open;
        }
        ParkedSegments state = parked;
        open = new MappedFileQueue(directory, segmentSizeBytes, files, null);
        open.remap(state.startOffsets(), state.endOffset(), state.flushedOffset());
        if (state.owesTrim()) {
            try {
                trimLocked(open, state.owedTrim());
            } catch (RuntimeException e) {
                open.shutdown(); // still owed: the next use tries again
                throw e;
            }
        }
        budget.mapped(open.segmentCount());
        segments = open;
        return open;
    }

    private void release(MappedFileQueue open) {
        budget.mapped(-open.segmentCount());
        open.shutdown();
    }

    /** Deletes every file of this queue and its directory; returns the files deleted. */
    int destroy() {
        synchronized (lock) {
            MappedFileQueue open = segments;
            if (open != null) {
                budget.mapped(-open.segmentCount());
                return open.destroyAll();
            }
            int deleted = parked.deleteAll(directory);
            parked = ParkedSegments.EMPTY;
            segments = new MappedFileQueue(directory, segmentSizeBytes, files, null);
            return segments.destroyAll() + deleted;
        }
    }

    /** Unmaps the segments (once readers let go), forcing a parked queue's unflushed bytes; files stay. */
    public void shutdown() {
        synchronized (lock) {
            MappedFileQueue open = segments;
            if (open != null) {
                release(open);
            } else {
                flushParked();
            }
        }
    }

    /** Without applying an owed trim: printing a queue must not map it. */
    @Override
    public String toString() {
        String figures = tailPending() ? "tail not yet recovered" : "min=" + minOffset() + ", max=" + maxOffset();
        return "ConsumeQueue[" + topic + "-" + queueId + ", " + figures + "]";
    }
}
