package io.couriermq.store;

/**
 * Ranges of {@link StoreConfig} values that would otherwise fail later (a division by zero, an int that
 * overflows, a loop without an interval): checked when the config is built, so broker.conf is refused at
 * load. Every message starts with the broker.conf key.
 */
final class StoreLimits {
    /** Index file layout (see {@code IndexFile}): a 40-byte header, 4 bytes a slot, 20 bytes an entry. */
    private static final long INDEX_HEADER_BYTES = 40;

    private static final long INDEX_SLOT_BYTES = 4;
    private static final long INDEX_ENTRY_BYTES = 20;
    /** A commit-log segment keeps 8 bytes after its last record for the blank marker. */
    private static final long BLANK_MARKER_BYTES = 8;

    private static final int CONSUME_QUEUE_ENTRY_BYTES = 20;

    private StoreLimits() {}

    static void segments(int commitLogBytes, int consumeQueueBytes, int maxMessageSize) {
        positive("mappedFileSizeCommitLog", commitLogBytes, "bytes");
        if (consumeQueueBytes < CONSUME_QUEUE_ENTRY_BYTES || consumeQueueBytes % CONSUME_QUEUE_ENTRY_BYTES != 0) {
            throw new IllegalArgumentException(
                    "mappedFileSizeConsumeQueue must be a positive multiple of 20 (the size of one entry), was "
                            + consumeQueueBytes);
        }
        positive("maxMessageSize", maxMessageSize, "bytes");
        // long arithmetic: a maxMessageSize near Integer.MAX_VALUE must not wrap round and pass
        if (maxMessageSize + BLANK_MARKER_BYTES > commitLogBytes) {
            throw new IllegalArgumentException("maxMessageSize " + maxMessageSize
                    + " must fit a commit-log segment of " + commitLogBytes
                    + " bytes (mappedFileSizeCommitLog) with 8 bytes to spare");
        }
    }

    /** An index file is one mapped file addressed with ints: its whole size must fit an int. */
    static void index(int slots, int entries) {
        positive("maxHashSlotNum", slots, "slots");
        positive("maxIndexNum", entries, "entries");
        long bytes = indexFileBytes(slots, entries);
        if (bytes > Integer.MAX_VALUE) {
            long maxEntries = (Integer.MAX_VALUE - INDEX_HEADER_BYTES - INDEX_SLOT_BYTES * slots) / INDEX_ENTRY_BYTES;
            throw new IllegalArgumentException("maxIndexNum " + entries + " with maxHashSlotNum " + slots
                    + " makes an index file of " + bytes + " bytes, more than the 2147483647 one file can hold:"
                    + " maxIndexNum must be at most " + Math.max(0, maxEntries) + " with that maxHashSlotNum");
        }
    }

    /** 40 + 4 * slots + 20 * entries, in long arithmetic so it cannot wrap. */
    static long indexFileBytes(int slots, int entries) {
        return INDEX_HEADER_BYTES + INDEX_SLOT_BYTES * slots + INDEX_ENTRY_BYTES * entries;
    }

    static void positive(String key, long value, String unit) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive (" + unit + "), was " + value);
        }
    }
}
