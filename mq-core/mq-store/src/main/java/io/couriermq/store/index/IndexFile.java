package io.couriermq.store.index;

import io.couriermq.store.file.MappedFile;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One index file: a hash table from key to commit-log offsets, chained through the entries.
 *
 * <pre>
 * header (40): BEGIN_TIMESTAMP 8 | END_TIMESTAMP 8 | BEGIN_OFFSET 8 | END_OFFSET 8 | SLOT_COUNT 4 | ENTRY_COUNT 4
 * slots (4 each): number of the newest entry whose key hashes there, 0 for none
 * entries (20 each, numbered from 1): KEY_HASH 4 | COMMIT_LOG_OFFSET 8 | TIME_DIFF_SECONDS 4 | PREVIOUS 4
 * </pre>
 *
 * Not checksummed: results are hints that the caller verifies against the commit log, and chain walks
 * only go to strictly smaller entry numbers, so a torn write after a crash can cost a result but never
 * loop or return a wrong message. One writer (the dispatcher); the volatile entry count publishes its
 * writes to readers.
 */
final class IndexFile {
    static final int HEADER_BYTES = 40;
    static final int SLOT_BYTES = 4;
    static final int ENTRY_BYTES = 20;
    private static final int BEGIN_TIMESTAMP = 0;
    private static final int END_TIMESTAMP = 8;
    private static final int BEGIN_OFFSET = 16;
    private static final int END_OFFSET = 24;
    private static final int SLOT_COUNT = 32;
    private static final int ENTRY_COUNT = 36;
    private static final int KEY_HASH = 0;
    private static final int COMMIT_LOG_OFFSET = 4;
    private static final int TIME_DIFF = 12;
    private static final int PREVIOUS = 16;
    /** Entries get their disk blocks this far ahead: one write per 3,276 entries. */
    private static final int ALLOCATE_AHEAD_BYTES = 64 << 10;

    private final MappedFile file;
    private final int slotCount;
    private final int maxEntries;
    private volatile int entryCount;
    /** Bytes {@code [0, allocatedTo)} have disk blocks; 0 until this run's first put. Dispatcher only. */
    private int allocatedTo;

    IndexFile(MappedFile file, int slotCount, int maxEntries) {
        this.file = file;
        this.slotCount = slotCount;
        this.maxEntries = maxEntries;
        this.entryCount = Math.min(maxEntries, Math.max(0, file.reader().getInt(ENTRY_COUNT)));
    }

    /** Fails rather than wraps round: StoreConfig keeps broker.conf values inside an int. */
    static int fileSizeBytes(int slotCount, int maxEntries) {
        return Math.toIntExact(HEADER_BYTES + (long) slotCount * SLOT_BYTES + (long) maxEntries * ENTRY_BYTES);
    }

    MappedFile file() {
        return file;
    }

    boolean isFull() {
        return entryCount >= maxEntries;
    }

    long beginTimestampMs() {
        return file.reader().getLong(BEGIN_TIMESTAMP);
    }

    long endTimestampMs() {
        return file.reader().getLong(END_TIMESTAMP);
    }

    long endCommitLogOffset() {
        return file.reader().getLong(END_OFFSET);
    }

    /** @throws io.couriermq.store.file.StoreIoException if the disk has no room; nothing is written then */
    void put(String key, long commitLogOffset, long storeTimestampMs) {
        ByteBuffer writer = file.writer();
        int number = entryCount + 1;
        allocateThrough(entryIndex(number) + ENTRY_BYTES);
        if (number == 1) {
            writer.putLong(BEGIN_TIMESTAMP, storeTimestampMs);
            writer.putLong(BEGIN_OFFSET, commitLogOffset);
            writer.putInt(SLOT_COUNT, slotCount);
        }
        int hash = hash(key);
        int slot = slotIndex(hash);
        int entry = entryIndex(number);
        writer.putInt(entry + KEY_HASH, hash);
        writer.putLong(entry + COMMIT_LOG_OFFSET, commitLogOffset);
        writer.putInt(entry + TIME_DIFF, (int) ((storeTimestampMs - beginTimestampMs()) / 1000));
        writer.putInt(entry + PREVIOUS, writer.getInt(slot));
        writer.putInt(slot, number);
        writer.putLong(END_TIMESTAMP, storeTimestampMs);
        writer.putLong(END_OFFSET, commitLogOffset);
        writer.putInt(ENTRY_COUNT, number);
        entryCount = number;
    }

    /** Adds offsets of entries for {@code key} stored within the time range, newest first. */
    void collect(String key, long beginMs, long endMs, int maxCount, List<Long> out) {
        int count = entryCount;
        ByteBuffer reader = file.reader();
        int hash = hash(key);
        long base = reader.getLong(BEGIN_TIMESTAMP);
        int number = reader.getInt(slotIndex(hash));
        while (number > 0 && number <= count && out.size() < maxCount) {
            int entry = entryIndex(number);
            long timeMs = base + reader.getInt(entry + TIME_DIFF) * 1000L;
            if (reader.getInt(entry + KEY_HASH) == hash && timeMs + 999 >= beginMs && timeMs <= endMs) {
                out.add(reader.getLong(entry + COMMIT_LOG_OFFSET));
            }
            int previous = reader.getInt(entry + PREVIOUS);
            number = previous < number ? previous : 0;
        }
    }

    /**
     * The file is sparse, and a mapped write into a page without a block raises SIGBUS on a full disk, so
     * blocks are allocated through the channel first: on the first put the header and slot table (written
     * anywhere), then the entries, which only grow, ahead of the next one.
     */
    private void allocateThrough(int end) {
        if (end <= allocatedTo) {
            return;
        }
        if (allocatedTo == 0) {
            int slotsEnd = entryIndex(1);
            file.allocate(0, slotsEnd);
            // entries written in an earlier run have their blocks
            allocatedTo = Math.max(slotsEnd, entryIndex(entryCount + 1));
        }
        int to = (int) Math.min(file.sizeBytes(), Math.max(end, (long) allocatedTo + ALLOCATE_AHEAD_BYTES));
        if (to > allocatedTo) {
            file.allocate(allocatedTo, to);
            allocatedTo = to;
        }
    }

    void flush() {
        file.forceAll();
    }

    private int slotIndex(int hash) {
        return HEADER_BYTES + (hash % slotCount) * SLOT_BYTES;
    }

    private int entryIndex(int number) {
        return HEADER_BYTES + slotCount * SLOT_BYTES + (number - 1) * ENTRY_BYTES;
    }

    private static int hash(String key) {
        return key.hashCode() & Integer.MAX_VALUE;
    }
}
