package io.couriermq.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.store.file.SegmentFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {
    private static final int ENTRIES_PER_SEGMENT = 10;

    @TempDir
    Path dir;

    private ConsumeQueue queue;

    private ConsumeQueue newQueue() {
        queue = new ConsumeQueue("T", 0, dir, ENTRIES_PER_SEGMENT * ConsumeQueue.ENTRY_BYTES, SegmentFiles.standard());
        queue.load();
        return queue;
    }

    @AfterEach
    void close() {
        queue.shutdown();
    }

    @Test
    void storesFixedEntriesAcrossSegmentsAndSkipsOnesAlreadyThere() {
        newQueue();
        for (int i = 0; i < 25; i++) {
            assertThat(queue.put(i, 1000L * i, 100 + i, i % 3)).isTrue();
        }
        assertThat(queue.put(3, 3000, 103, 0)).as("re-dispatched entry").isFalse();
        assertThat(queue.maxOffset()).isEqualTo(25);
        assertThat(dir.resolve("00000000000000000400")).exists();

        try (QueueEntries entries = queue.entries(18, 32)) {
            assertThat(entries.count()).as("runs end at the segment boundary").isEqualTo(2);
            assertThat(entries.commitLogOffset(1)).isEqualTo(19_000);
            assertThat(entries.sizeBytes(1)).isEqualTo(119);
            assertThat(entries.tagsHash(1)).isEqualTo(1);
        }
    }

    @Test
    void aQueueFirstSeenAtALaterOffsetStartsThereAndGapsAreFilled() {
        newQueue();
        queue.put(13, 500, 10, 0);
        assertThat(queue.minOffset()).isEqualTo(13);
        assertThat(queue.maxOffset()).isEqualTo(14);

        queue.put(16, 900, 10, 0);
        try (QueueEntries entries = queue.entries(14, 3)) {
            assertThat(entries.isFiller(0)).isTrue();
            assertThat(entries.isFiller(2)).isFalse();
        }
    }

    @Test
    void recoveryTrimsEntriesPastTheCheckpointAndRetentionMovesTheMinOffset() {
        newQueue();
        for (int i = 0; i < 25; i++) {
            queue.put(i, 1000L * i, 100, 0);
        }
        queue.truncateAfterCheckpoint(15_500, true);
        assertThat(queue.maxOffset()).isEqualTo(16);
        assertThat(queue.put(16, 16_000, 100, 0)).isTrue();

        queue.correctMinOffset(12_000);
        assertThat(queue.minOffset()).isEqualTo(12);
        assertThat(queue.deleteSegmentsBelowMinOffset()).isEqualTo(1);
        assertThat(queue.entries(5, 1)).isNull();
        assertThat(queue.firstOffsetAtOrAfter(0)).isEqualTo(10);
    }

    @Test
    void entriesSurviveAReload() {
        newQueue();
        for (int i = 0; i < 12; i++) {
            queue.put(i, 1000L * i, 100, 0);
        }
        queue.flush();
        queue.shutdown();

        newQueue();
        queue.truncateAfterCheckpoint(Long.MAX_VALUE, true);
        assertThat(queue.maxOffset()).isEqualTo(12);
        try (QueueEntries entries = queue.entries(11, 1)) {
            assertThat(entries.commitLogOffset(0)).isEqualTo(11_000);
        }
    }
}
