package io.couriermq.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileQueueTest {
    @TempDir
    Path dir;

    @Test
    void segmentsAreNamedByTheirStartOffsetAndFoundByOffset() {
        MappedFileQueue queue = new MappedFileQueue(dir, 1024, SegmentFiles.standard(), null);
        MappedFile first = queue.lastWritable(0);
        first.publishWritePosition(1024);
        MappedFile second = queue.lastWritable(0);

        assertThat(second.path().getFileName().toString()).isEqualTo("00000000000000001024");
        assertThat(queue.findByOffset(1023)).isSameAs(first);
        assertThat(queue.findByOffset(1024)).isSameAs(second);
        assertThat(queue.findByOffset(2048)).isNull();
        assertThat(queue.maxOffset()).isEqualTo(1024);
        queue.shutdown();
    }

    @Test
    void loadMapsExistingSegmentsAndTruncateDropsEverythingPastTheEnd() {
        MappedFileQueue writer = new MappedFileQueue(dir, 1024, SegmentFiles.standard(), null);
        for (int i = 0; i < 3; i++) {
            MappedFile segment = writer.lastWritable(0);
            segment.writer().put(0, (byte) 1);
            segment.publishWritePosition(1024);
        }
        writer.flush();
        writer.shutdown();

        MappedFileQueue reader = new MappedFileQueue(dir, 1024, SegmentFiles.standard(), null);
        reader.load();
        assertThat(reader.segments()).hasSize(3);
        reader.truncateTo(1500, true);

        assertThat(reader.segments()).hasSize(2);
        assertThat(reader.maxOffset()).isEqualTo(1500);
        assertThat(dir.resolve("00000000000000002048")).doesNotExist();
        reader.shutdown();
    }

    @Test
    void deleteFromHeadNeverDeletesTheLastSegmentAndReadersThenFindNothing() {
        MappedFileQueue queue = new MappedFileQueue(dir, 1024, SegmentFiles.standard(), null);
        for (int i = 0; i < 3; i++) {
            queue.lastWritable(0).publishWritePosition(1024);
        }
        assertThat(queue.deleteFromHead(segment -> true, 10)).hasSize(2);
        assertThat(queue.minOffset()).isEqualTo(2048);
        assertThat(queue.retainByOffset(0)).isNull();
        queue.shutdown();
    }

    @Test
    void allocatorHandsOutThePreparedNextSegment() {
        SegmentAllocator allocator = new SegmentAllocator(SegmentFiles.standard(), true);
        allocator.start();
        try {
            MappedFileQueue queue = new MappedFileQueue(dir, 4096, SegmentFiles.standard(), allocator);
            queue.lastWritable(0).publishWritePosition(4096);
            await().until(() -> Files.exists(dir.resolve("00000000000000004096")));
            MappedFile second = queue.lastWritable(0);
            assertThat(second.startOffset()).isEqualTo(4096);
            await().until(() -> Files.exists(dir.resolve("00000000000000008192")));
            queue.shutdown();
        } finally {
            allocator.shutdown();
        }
        assertThat(dir.resolve("00000000000000008192"))
                .as("prepared, never used")
                .doesNotExist();
    }
}
