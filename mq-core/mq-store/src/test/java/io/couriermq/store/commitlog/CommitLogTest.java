package io.couriermq.store.commitlog;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.common.message.codec.RecordCheck;
import io.couriermq.common.message.codec.RecordEncodingException;
import io.couriermq.common.message.codec.RecordValidator;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.file.MappedFileQueue;
import io.couriermq.store.file.SegmentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogTest {
    private static final int SEGMENT_BYTES = 4096;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private MappedFileQueue segments;
    private CommitLog log;

    private CommitLog newLog() {
        segments = new MappedFileQueue(dir, SEGMENT_BYTES, SegmentFiles.standard(), null);
        log = new CommitLog(segments, new QueueOffsetTable(), clock, 2048);
        return log;
    }

    @AfterEach
    void close() {
        segments.shutdown();
    }

    @Test
    void reportsHowLongTheAppendInProgressHasHeldTheLock() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SegmentFiles slowDisk = (path, sizeBytes) -> {
            opening.countDown();
            awaitQuietly(release);
            return SegmentFiles.standard().open(path, sizeBytes);
        };
        segments = new MappedFileQueue(dir, SEGMENT_BYTES, slowDisk, null);
        log = new CommitLog(segments, new QueueOffsetTable(), clock, 2048);
        assertThat(log.appendLockHeldMs()).isZero();

        CompletableFuture<AppendResult> append = CompletableFuture.supplyAsync(() -> log.append(message("T", 0, "a")));
        assertThat(opening.await(5, TimeUnit.SECONDS)).isTrue();
        clock.advanceMillis(300);

        assertThat(log.appendLockHeldMs()).isEqualTo(300);
        release.countDown();
        append.get(5, TimeUnit.SECONDS);
        assertThat(log.appendLockHeldMs()).as("no append holds the lock").isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void assignsPhysicalAndQueueOffsetsInAppendOrder() {
        newLog();
        AppendResult first = log.append(message("T", 0, "a"));
        AppendResult second = log.append(message("T", 0, "b"));
        AppendResult other = log.append(message("T", 1, "c"));

        assertThat(first.records().get(0).commitLogOffset()).isZero();
        assertThat(second.records().get(0).commitLogOffset()).isEqualTo(first.endOffset());
        assertThat(second.records().get(0).queueOffset()).isEqualTo(1);
        assertThat(other.records().get(0).queueOffset()).isZero();
        assertThat(log.maxOffset()).isEqualTo(other.endOffset());
        try (RecordSlice slice = log.read(second.records().get(0).commitLogOffset())) {
            assertThat(StoreTestSupport.body(slice)).isEqualTo("b");
        }
    }

    @Test
    void closesAFullSegmentWithABlankMarkerAndContinuesInTheNext() {
        newLog();
        String body = "x".repeat(1000);
        int recordBytes = (int) log.append(message("T", 0, body)).endOffset();
        int perSegment = (SEGMENT_BYTES - 8) / recordBytes;
        for (int i = 1; i <= perSegment; i++) {
            log.append(message("T", 0, body));
        }
        assertThat(segments.segments()).hasSize(2);
        RecordCheck blank =
                RecordValidator.check(segments.first().reader(), perSegment * recordBytes, SEGMENT_BYTES, true);
        assertThat(blank.kind()).isEqualTo(RecordCheck.Kind.BLANK);
        assertThat(segments.last().startOffset()).isEqualTo(SEGMENT_BYTES);
        assertThat(log.maxOffset()).isEqualTo(SEGMENT_BYTES + recordBytes);
    }

    @Test
    void batchRecordsAreAdjacentWithConsecutiveQueueOffsets() {
        newLog();
        log.append(message("T", 0, "first"));
        AppendResult batch = log.appendBatch(List.of(message("T", 0, "a"), message("T", 0, "b")));
        assertThat(batch.records()).extracting(r -> r.queueOffset()).containsExactly(1L, 2L);
        assertThat(batch.records().get(1).commitLogOffset())
                .isEqualTo(batch.records().get(0).commitLogOffset()
                        + batch.records().get(0).sizeBytes());
    }

    @Test
    void refusesRecordsOverTheLimitWithoutWritingAnything() {
        newLog();
        assertThatThrownBy(() -> log.append(message("T", 0, "x".repeat(3000))))
                .isInstanceOf(RecordEncodingException.class);
        assertThat(log.maxOffset()).isZero();
        assertThat(log.append(message("T", 0, "ok")).records().get(0).queueOffset())
                .isZero();
    }

    @Test
    void readOfAnUnwrittenOrMissingOffsetIsNull() {
        newLog();
        log.append(message("T", 0, "a"));
        assertThat(log.read(log.maxOffset())).isNull();
        assertThat(log.read(1)).as("not the start of a record").isNull();
        assertThat(log.read(1_000_000)).isNull();
        assertThat(log.storeTimestampMs(1_000_000)).isEqualTo(-1);
    }
}
