package io.couriermq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.store.file.FullDiskSwitch;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queues unmapped and mapped again within a budget of mapped files, while written and read. */
class ConsumeQueueParkingTest {
    private static final int ENTRIES_PER_SEGMENT = 10;
    private static final int SEGMENT_BYTES = ENTRIES_PER_SEGMENT * ConsumeQueue.ENTRY_BYTES;

    @TempDir
    Path dir;

    private ConsumeQueueTable table;

    @AfterEach
    void close() {
        if (table != null) {
            table.shutdown();
        }
    }

    private ConsumeQueueTable newTable(int maxMappedFiles) {
        return newTable(maxMappedFiles, SEGMENT_BYTES);
    }

    private ConsumeQueueTable newTable(int maxMappedFiles, int segmentBytes) {
        table = new ConsumeQueueTable(dir, segmentBytes, SegmentFiles.standard(), maxMappedFiles);
        table.load();
        return table;
    }

    @Test
    void aParkedQueueKeepsItsEntriesOffsetsAndFlushState() {
        newTable(1_000);
        ConsumeQueue queue = table.findOrCreate("T", 0);
        for (int i = 0; i < 25; i++) {
            queue.put(i, 1000L * i, 100 + i, i);
        }
        assertThat(table.mappedFiles()).isEqualTo(3);

        assertThat(queue.park()).isTrue();

        assertThat(table.mappedFiles()).isZero();
        assertThat(queue.maxOffset()).isEqualTo(25);
        assertThat(queue.minOffset()).isZero();
        assertThat(queue.flush()).as("forced through the files").isEqualTo(25L * ConsumeQueue.ENTRY_BYTES);
        try (QueueEntries entries = queue.entries(21, 5)) {
            assertThat(entries.count()).isEqualTo(4);
            assertThat(entries.commitLogOffset(3)).isEqualTo(24_000);
            assertThat(entries.sizeBytes(3)).isEqualTo(124);
        }
        assertThat(table.mappedFiles()).as("mapped again by the read").isEqualTo(3);
        assertThat(queue.put(25, 25_000, 125, 0)).isTrue();
        assertThat(queue.put(24, 24_000, 124, 0)).as("already there").isFalse();
        assertThat(queue.maxOffset()).isEqualTo(26);
    }

    /** A queue whose writes never map it again while parked (as if each came long after the last use). */
    private ConsumeQueue writingThroughFiles(SegmentFiles files) {
        return new ConsumeQueue(
                "T", 0, dir.resolve("T/0"), SEGMENT_BYTES, files, new MappingBudget(1_000, List::of, 0));
    }

    @Test
    void aWriteToAQueueIdleSinceItWasParkedGoesThroughTheFileAndLeavesItParked() {
        ConsumeQueue queue = writingThroughFiles(SegmentFiles.standard());
        for (int i = 0; i < 3; i++) {
            queue.put(i, 1000L * i, 100 + i, i);
        }
        assertThat(queue.park()).isTrue();

        assertThat(queue.put(3, 3_000, 103, 3)).isTrue();
        assertThat(queue.put(4, 4_000, 104, 4)).isTrue();

        assertThat(queue.mappedSegments())
                .as("still parked after the writes through the file")
                .isZero();
        assertThat(queue.maxOffset()).isEqualTo(5);
        assertThat(queue.flush()).as("forced through the file").isEqualTo(5L * ConsumeQueue.ENTRY_BYTES);
        try (QueueEntries entries = queue.entries(2, 10)) {
            assertThat(entries.count()).isEqualTo(3);
            assertThat(entries.commitLogOffset(1)).isEqualTo(3_000);
            assertThat(entries.sizeBytes(2)).isEqualTo(104);
            assertThat(entries.tagsHash(2)).isEqualTo(4);
        }
        assertThat(queue.put(4, 4_000, 104, 4)).as("already there").isFalse();
        queue.shutdown();
    }

    @Test
    void aParkedWriteThatNeedsANewSegmentOrLeavesAGapMapsTheQueueInstead() {
        ConsumeQueue queue = writingThroughFiles(SegmentFiles.standard());
        for (int i = 0; i < ENTRIES_PER_SEGMENT; i++) {
            queue.put(i, 1000L * i, 100, 0);
        }
        queue.park();
        assertThat(queue.put(ENTRIES_PER_SEGMENT, 10_000, 100, 0)).isTrue();
        assertThat(queue.mappedSegments())
                .as("the first segment is full: a new one was mapped")
                .isEqualTo(2);

        queue.park();
        assertThat(queue.put(ENTRIES_PER_SEGMENT + 3, 13_000, 100, 0)).isTrue();
        assertThat(queue.mappedSegments())
                .as("a gap is filled through the mapping")
                .isEqualTo(2);
        assertThat(queue.maxOffset()).isEqualTo(ENTRIES_PER_SEGMENT + 4);
        try (QueueEntries entries = queue.entries(ENTRIES_PER_SEGMENT + 1, 3)) {
            assertThat(entries.isFiller(0)).isTrue();
            assertThat(entries.commitLogOffset(2)).isEqualTo(13_000);
        }
        queue.shutdown();
    }

    @Test
    void aQueueWrittenSoonAfterItsLastUseIsMappedAgainByTheWrite() {
        newTable(1_000);
        ConsumeQueue queue = table.findOrCreate("T", 0);
        queue.put(0, 0, 100, 0);
        queue.park();

        queue.put(1, 1_000, 100, 0);

        assertThat(queue.mappedSegments())
                .as("used a moment ago: worth mapping")
                .isEqualTo(1);
        assertThat(queue.maxOffset()).isEqualTo(2);
    }

    @Test
    void aParkedWriteOnAFullDiskFailsClearlyAndChangesNothing() {
        FullDiskSwitch disk = new FullDiskSwitch();
        ConsumeQueue queue = writingThroughFiles(disk.files());
        queue.put(0, 0, 100, 0);
        queue.park();
        disk.fill();

        assertThatThrownBy(() -> queue.put(1, 1_000, 100, 0))
                .isInstanceOf(StoreIoException.class)
                .hasMessageStartingWith("disk full: no space for bytes 20..40 of ");
        assertThat(queue.maxOffset()).isEqualTo(1);

        disk.free();
        assertThat(queue.put(1, 1_000, 100, 0))
                .as("the retry once space returns")
                .isTrue();
        assertThat(queue.maxOffset()).isEqualTo(2);
        assertThat(queue.mappedSegments()).isZero();
        queue.shutdown();
    }

    @Test
    void retentionDeletesAParkedQueuesExpiredSegmentsWithoutMappingThem() {
        newTable(1_000);
        ConsumeQueue queue = table.findOrCreate("T", 0);
        for (int i = 0; i < 25; i++) {
            queue.put(i, 1000L * i, 100, 0);
        }
        queue.correctMinOffset(12_000);
        queue.park();

        assertThat(queue.deleteSegmentsBelowMinOffset()).isEqualTo(1);

        assertThat(table.mappedFiles()).isZero();
        assertThat(dir.resolve("T/0/00000000000000000000")).doesNotExist();
        assertThat(queue.minOffset()).isEqualTo(12);
        queue.correctMinOffset(12_000);
        assertThat(table.mappedFiles())
                .as("no entry can be below the log's head: nothing read")
                .isZero();
        try (QueueEntries entries = queue.entries(12, 1)) {
            assertThat(entries.commitLogOffset(0)).isEqualTo(12_000);
        }
    }

    @Test
    void retentionReadsAParkedQueueOnlyWhenAnEntryMayBeBelowTheLogsHead() {
        newTable(1_000);
        ConsumeQueue queue = table.findOrCreate("T", 0);
        for (int i = 0; i < 5; i++) {
            queue.put(i, 1000L * i, 100, 0);
        }
        queue.correctMinOffset(10_000);
        assertThat(queue.minOffset()).as("every entry below the head").isEqualTo(5);
        queue.park();

        queue.correctMinOffset(20_000);
        assertThat(table.mappedFiles()).as("no entry left: nothing read").isZero();

        queue.put(5, 30_000, 100, 0);
        queue.park();
        queue.correctMinOffset(25_000);
        assertThat(table.mappedFiles())
                .as("the new entry is above the head: nothing read")
                .isZero();
        assertThat(queue.minOffset()).isEqualTo(5);

        queue.correctMinOffset(40_000);
        assertThat(queue.minOffset()).as("the head passed the new entry").isEqualTo(6);
    }

    @Test
    void overTheBudgetTheQueuesUsedLeastRecentlyAreParked() {
        newTable(10);
        for (int q = 0; q < 30; q++) {
            table.findOrCreate("T", q).put(0, q, 100, 0);
        }

        assertThat(table.mappedFiles()).isLessThanOrEqualTo(10);
        assertThat(table.parkedCount()).isGreaterThanOrEqualTo(20);
        assertThat(table.find("T", 29).mappedSegments())
                .as("the last one written")
                .isPositive();
        assertThat(table.find("T", 0).mappedSegments())
                .as("the first one written")
                .isZero();
        for (int q = 0; q < 30; q++) {
            try (QueueEntries entries = table.find("T", q).entries(0, 1)) {
                assertThat(entries.commitLogOffset(0)).isEqualTo(q);
            }
        }
        assertThat(table.mappedFiles()).isLessThanOrEqualTo(10);
    }

    @Test
    void aQueueOwingItsTrimAppliesItOnceWhenAReaderAndAWriterComeAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                Path root = dir.resolve("round-" + round);
                ConsumeQueueTable before = new ConsumeQueueTable(root, SEGMENT_BYTES, SegmentFiles.standard(), 1_000);
                ConsumeQueue written = before.findOrCreate("T", 0);
                for (int i = 0; i < 15; i++) {
                    // from 12 on, entries of records the checkpoint does not vouch for (at 12_000 and past)
                    written.put(i, 1000L * i, 100, 0);
                }
                before.shutdown();
                table = new ConsumeQueueTable(root, SEGMENT_BYTES, SegmentFiles.standard(), 1_000);
                table.load();
                ConsumeQueue queue = table.find("T", 0);
                assertThat(queue.deferTrim(12_000, true, (offset, topic, id, queueOffset) -> false))
                        .isTrue();
                assertThat(table.mappedFiles()).isZero();

                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> writer = threads.submit(() -> {
                    await(start);
                    // the record at 12_000 was re-written after the crash: a second trim would cut it again
                    assertThat(queue.put(12, 12_000, 200, 0)).isTrue();
                    return null;
                });
                Future<?> reader = threads.submit(() -> {
                    await(start);
                    long max = queue.maxOffset();
                    assertThat(max).as("never the files' end nor an entry cut").isBetween(12L, 13L);
                    try (QueueEntries entries = queue.entries(11, 5)) {
                        assertThat(entries.count()).isBetween(1, 2);
                        assertThat(entries.commitLogOffset(0)).isEqualTo(11_000);
                        if (entries.count() == 2) {
                            assertThat(entries.sizeBytes(1)).isEqualTo(200);
                        }
                    }
                    return null;
                });
                writer.get(30, TimeUnit.SECONDS);
                reader.get(30, TimeUnit.SECONDS);

                assertThat(queue.maxOffset()).as("round %d", round).isEqualTo(13);
                try (QueueEntries entries = queue.entries(12, 5)) {
                    assertThat(entries.count()).isEqualTo(1);
                    assertThat(entries.sizeBytes(0)).as("round %d", round).isEqualTo(200);
                }
                assertThat(table.mappedFiles()).isEqualTo(2);
                table.shutdown();
                table = null;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readersNeverSeeAParkedQueueAsEmptyWhileOneWriterFillsManyQueues() throws Exception {
        int queues = 40;
        int entriesPerQueue = 200;
        // 4 segments a queue, at most 12 mapped: 3 of the 40 queues
        newTable(12, 50 * ConsumeQueue.ENTRY_BYTES);
        for (int q = 0; q < queues; q++) {
            table.findOrCreate("T", q);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<Long>> reads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            reads.add(readers.submit(() -> {
                long checked = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (writing.get() || checked == 0) {
                    int q = random.nextInt(queues);
                    ConsumeQueue queue = table.find("T", q);
                    long max = queue.maxOffset();
                    if (max == 0) {
                        continue;
                    }
                    long offset = random.nextLong(max);
                    try (QueueEntries entries = queue.entries(offset, 4)) {
                        assertThat(entries)
                                .as("entry %d of queue %d below max %d", offset, q, max)
                                .isNotNull();
                        for (int i = 0; i < entries.count(); i++) {
                            assertThat(entries.commitLogOffset(i)).isEqualTo(q * 1_000_000L + offset + i);
                        }
                    }
                    checked++;
                }
                return checked;
            }));
        }
        for (int n = 0; n < entriesPerQueue; n++) {
            for (int q = 0; q < queues; q++) {
                table.find("T", q).put(n, q * 1_000_000L + n, 100, 0);
            }
            if (n % 50 == 0) {
                table.flush();
            }
        }
        writing.set(false);
        long checked = 0;
        for (Future<Long> read : reads) {
            checked += read.get(60, TimeUnit.SECONDS);
        }
        readers.shutdown();

        assertThat(checked).isPositive();
        assertThat(table.parkedCount()).isPositive();
        assertThat(table.mappedFiles())
                .as("the budget's count is the queues' own")
                .isEqualTo(table.all().stream()
                        .mapToInt(ConsumeQueue::mappedSegments)
                        .sum());
        assertThat(table.mappedFiles()).isLessThanOrEqualTo(12);
        for (int q = 0; q < queues; q++) {
            assertThat(table.find("T", q).maxOffset()).isEqualTo(entriesPerQueue);
        }
    }
}
