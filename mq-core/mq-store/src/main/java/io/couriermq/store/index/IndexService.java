package io.couriermq.store.index;

import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Lookup of messages by business key (KEYS) and by unique key (UNIQ_KEY) within a time range. Keys are
 * indexed as {@code topic#key}. Files are named by the commit-log offset of their first entry and are
 * deleted once the commit log no longer holds anything they point to.
 */
public final class IndexService {
    private final Path directory;
    private final int slotCount;
    private final int maxEntries;
    private final SegmentFiles files;
    private final CopyOnWriteArrayList<IndexFile> indexFiles = new CopyOnWriteArrayList<>();

    /** @param slotCount {@code maxHashSlotNum} @param maxEntries {@code maxIndexNum} per file */
    public IndexService(Path directory, int slotCount, int maxEntries, SegmentFiles files) {
        this.directory = directory;
        this.slotCount = slotCount;
        this.maxEntries = maxEntries;
        this.files = files;
    }

    public void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : listing.filter(p -> p.getFileName().toString().matches("\\d{20}"))
                    .sorted()
                    .toList()) {
                indexFiles.add(open(path, Long.parseLong(path.getFileName().toString())));
            }
        } catch (IOException e) {
            throw new StoreIoException("cannot list index files in " + directory, e);
        }
    }

    /** Indexes one record under each of its keys. Dispatcher thread only. */
    public void put(String topic, List<String> keys, String uniqueKey, long commitLogOffset, long storeTimestampMs) {
        if (keys.isEmpty() && uniqueKey == null) {
            return;
        }
        for (String key : keys) {
            writable(commitLogOffset).put(indexKey(topic, key), commitLogOffset, storeTimestampMs);
        }
        if (uniqueKey != null) {
            writable(commitLogOffset).put(indexKey(topic, uniqueKey), commitLogOffset, storeTimestampMs);
        }
    }

    /**
     * Commit-log offsets of records of {@code topic} indexed under {@code key} and stored in
     * {@code [beginMs, endMs]}, newest first, without duplicates, at most {@code maxCount}. Candidates:
     * the caller checks each against the record.
     */
    public List<Long> query(String topic, String key, int maxCount, long beginMs, long endMs) {
        LinkedHashSet<Long> offsets = new LinkedHashSet<>();
        List<IndexFile> snapshot = List.copyOf(indexFiles);
        for (int i = snapshot.size() - 1; i >= 0 && offsets.size() < maxCount; i--) {
            IndexFile file = snapshot.get(i);
            if (file.endTimestampMs() < beginMs
                    || file.beginTimestampMs() > endMs
                    || !file.file().retain()) {
                continue;
            }
            try {
                List<Long> found = new ArrayList<>();
                file.collect(indexKey(topic, key), beginMs, endMs, maxCount * 2, found);
                for (int j = 0; j < found.size() && offsets.size() < maxCount; j++) {
                    offsets.add(found.get(j));
                }
            } finally {
                file.file().release();
            }
        }
        return List.copyOf(offsets);
    }

    public long lastUpdateTimestampMs() {
        IndexFile last = last();
        return last == null ? 0 : last.endTimestampMs();
    }

    public long lastUpdateCommitLogOffset() {
        IndexFile last = last();
        return last == null ? 0 : last.endCommitLogOffset();
    }

    /** Retention: deletes files (not the last) that only point below the commit log's first byte. */
    public int deleteBelow(long commitLogMinOffset) {
        int deleted = 0;
        while (indexFiles.size() > 1 && indexFiles.get(0).endCommitLogOffset() < commitLogMinOffset) {
            IndexFile head = indexFiles.remove(0);
            head.file().destroy();
            deleted++;
        }
        return deleted;
    }

    public void flush() {
        indexFiles.forEach(IndexFile::flush);
    }

    public void shutdown() {
        indexFiles.forEach(file -> file.file().close());
        indexFiles.clear();
    }

    private IndexFile writable(long commitLogOffset) {
        IndexFile last = last();
        if (last == null || last.isFull()) {
            last = open(directory.resolve(MappedFileQueue.segmentName(commitLogOffset)), commitLogOffset);
            indexFiles.add(last);
        }
        return last;
    }

    private IndexFile open(Path path, long startOffset) {
        int size = IndexFile.fileSizeBytes(slotCount, maxEntries);
        MappedFile file = MappedFile.open(files, path, startOffset, size);
        file.resetPositions(size);
        return new IndexFile(file, slotCount, maxEntries);
    }

    private IndexFile last() {
        List<IndexFile> snapshot = indexFiles;
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    private static String indexKey(String topic, String key) {
        return topic + "#" + key;
    }
}
