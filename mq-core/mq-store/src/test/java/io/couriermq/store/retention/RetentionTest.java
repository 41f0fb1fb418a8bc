package io.couriermq.store.retention;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.SegmentFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and disk trouble. Segment age is the file's modification time, so the clock starts at the
 * real time and moves by hand. Full and unwritable disks come through the {@link DiskSpace} and
 * {@link SegmentFiles} seams: as root, chmod would not stop a write.
 */
class RetentionTest {
    private static final String BODY = "x".repeat(3000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private final FakeDiskSpace disk = new FakeDiskSpace();
    private final AtomicBoolean directoryWritable = new AtomicBoolean(true);
    private FileMessageStore store;

    @AfterEach
    void close() {
        store.shutdown();
    }

    private FileMessageStore open(String deleteWhen) {
        StoreConfig config = StoreTestSupport.smallConfig(dir)
                .mappedFileSizeCommitLog(16 * 1024)
                .maxMessageSize(4 * 1024)
                .fileReservedTime(1)
                .deleteWhen(deleteWhen)
                .build();
        SegmentFiles files = (path, sizeBytes) -> {
            if (!directoryWritable.get()) {
                throw new IOException("Read-only file system: " + path);
            }
            return SegmentFiles.standard().open(path, sizeBytes);
        };
        store = FileMessageStore.open(config, clock, files, disk);
        return store;
    }

    @Test
    void deletesExpiredSegmentsOnlyAtTheDeleteHourAndReadsBelowGetOffsetTooSmall() {
        clock.advance(2, TimeUnit.HOURS);
        int hour = Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC).getHour();
        open(String.format("%02d", hour));
        fillSegments(5);
        clock.advance(2, TimeUnit.HOURS);
        store.runRetentionNow();
        assertThat(store.stats().commitLogMinOffset())
                .as("two hours later it is not the delete hour")
                .isZero();

        store.shutdown();
        clock.advance(22, TimeUnit.HOURS);
        open(String.format("%02d", hour));
        store.runRetentionNow(); // the service's own first round may have done it already
        long min = store.stats().commitLogMinOffset();
        assertThat(min).isEqualTo(4 * 16 * 1024);
        assertThat(store.readRecord(0)).isEmpty();
        try (GetResult old = store.getMessages("T", 0, 0, 10, MessageFilter.ALL)) {
            assertThat(old.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            assertThat(old.nextBeginOffset()).isEqualTo(store.minOffset("T", 0)).isPositive();
        }
        try (GetResult kept = store.getMessages("T", 0, store.minOffset("T", 0), 10, MessageFilter.ALL)) {
            assertThat(kept.status()).isEqualTo(GetStatus.FOUND);
            assertThat(kept.records().get(0).commitLogOffset()).isGreaterThanOrEqualTo(min);
        }
    }

    @Test
    void anExpiredSegmentThatAHoldStillNeedsIsKeptWithEverySegmentAfterItUnlessTheDiskIsFull() {
        clock.advance(2, TimeUnit.HOURS);
        String hour = String.format(
                "%02d",
                Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC).getHour());
        open(hour);
        fillSegments(5);
        long segment = 16 * 1024;
        long held = 2 * segment; // the first record of the third segment, e.g. a message parked for days
        store.shutdown();
        clock.advance(24, TimeUnit.HOURS);
        open(hour);
        store.addRetentionHold(() -> held);

        store.runRetentionNow();
        assertThat(store.stats().commitLogMinOffset())
                .as("the two segments below the hold go, the held one stays")
                .isEqualTo(2 * segment);
        assertThat(store.readRecord(held)).isPresent();

        disk.usedRatio = 0.80; // above diskMaxUsedSpaceRatio: a writable store comes first
        store.runRetentionNow();
        assertThat(store.stats().commitLogMinOffset()).isEqualTo(4 * segment);
    }

    @Test
    void aSegmentBeingReadIsDeletedOnlyWhenTheReaderLetsGo() {
        open("04");
        fillSegments(3);
        RecordSlice held = store.readRecord(0).orElseThrow();
        disk.usedRatio = 0.80; // above diskMaxUsedSpaceRatio 75 %: delete at once, whatever the age

        store.runRetentionNow();
        assertThat(store.stats().commitLogMinOffset()).isEqualTo(2 * 16 * 1024);
        assertThat(store.readRecord(0)).isEmpty();
        assertThat(StoreTestSupport.body(held)).isEqualTo(BODY);
        assertThat(dir.resolve("commitlog/00000000000000000000")).exists();
        held.close();
        assertThat(dir.resolve("commitlog/00000000000000000000")).doesNotExist();
    }

    @Test
    void aFullDiskRefusesPutsKeepsReadsAndRecoversWhenSpaceReturns() {
        open("04");
        PutResult before = store.putMessage(message("T", 0, "before")).join();
        disk.usedRatio = 0.95;
        store.runRetentionNow();

        PutResult refused = store.putMessage(message("T", 0, "refused")).join();
        assertThat(refused.status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(refused.detail()).contains("disk full");
        assertThat(store.stats().writable()).isFalse();
        assertThat(store.readRecord(before.firstCommitLogOffset())).isPresent();

        disk.usedRatio = 0.50;
        store.runRetentionNow();
        assertThat(store.putMessage(message("T", 0, "after")).join().status()).isEqualTo(PutStatus.PUT_OK);
    }

    @Test
    void anUnwritableDirectoryFailsPutsClearlyAndTheStoreRecoversWhenItIsWritableAgain() {
        open("04");
        store.putMessage(message("T", 0, BODY)).join();
        await().until(() -> store.maxOffset("T", 0) == 1);
        directoryWritable.set(false);

        PutResult refused = null;
        for (int i = 0; i < 10 && (refused == null || refused.isOk()); i++) {
            refused = store.putMessage(message("T", 0, BODY)).join(); // until a new segment is needed
        }
        assertThat(refused.status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(refused.detail()).contains("Read-only file system");
        assertThat(store.stats().notWritableReason()).contains("Read-only file system");
        try (GetResult read = store.getMessages("T", 0, 0, 1, MessageFilter.ALL)) {
            assertThat(read.status()).isEqualTo(GetStatus.FOUND);
        }

        directoryWritable.set(true);
        assertThat(store.putMessage(message("T", 0, BODY)).join().status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(store.stats().notWritableReason()).isEmpty();
    }

    private void fillSegments(int segments) {
        while (store.stats().commitLogMaxOffset() < (segments - 1) * 16L * 1024 + 1) {
            assertThat(store.putMessage(message("T", 0, BODY)).join().isOk()).isTrue();
        }
        long written = store.stats().commitLogMaxOffset();
        await().until(() -> store.stats().dispatchedOffset() == written);
    }

    /** Disk usage set by the test. */
    private static final class FakeDiskSpace implements DiskSpace {
        volatile double usedRatio = 0.30;

        @Override
        public double usedRatio(Path path) {
            return usedRatio;
        }

        @Override
        public long usableBytes(Path path) {
            return Long.MAX_VALUE;
        }
    }
}
