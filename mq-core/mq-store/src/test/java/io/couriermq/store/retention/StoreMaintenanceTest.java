package io.couriermq.store.retention;

import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.message.Message;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.QueueEntriesView;
import io.couriermq.store.QueueEntry;
import io.couriermq.store.RetentionPolicy;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.SegmentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's store commands (deleteExpiredCommitLog, cleanExpiredCQ, cleanUnusedTopic, queryCq) and
 * the retention policy changed while the store runs. Segment age is the file's modification time, so the
 * clock starts at the real time and moves by hand; the delete hour is always one that is not now.
 */
class StoreMaintenanceTest {
    private static final String BODY = "x".repeat(3000);
    private static final int SEGMENT_BYTES = 16 * 1024;
    /** Whatever this machine's disk holds, retention must not see it above the high-water mark. */
    private static final DiskSpace LITTLE_USED_DISK = new DiskSpace() {
        @Override
        public double usedRatio(Path path) {
            return 0.30;
        }

        @Override
        public long usableBytes(Path path) {
            return Long.MAX_VALUE;
        }
    };

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private FileMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private FileMessageStore open(int fileReservedTime) {
        int otherHour =
                (Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC).getHour() + 12) % 24;
        StoreConfig config = StoreTestSupport.smallConfig(dir)
                .mappedFileSizeCommitLog(SEGMENT_BYTES)
                .mappedFileSizeConsumeQueue(4 * 20)
                .maxMessageSize(4 * 1024)
                .fileReservedTime(fileReservedTime)
                .deleteWhen(String.format("%02d", otherHour))
                .build();
        store = FileMessageStore.open(config, clock, SegmentFiles.standard(), LITTLE_USED_DISK);
        return store;
    }

    @Test
    void deleteExpiredCommitLogNowDeletesExpiredSegmentsOutsideTheDeleteHourWithTheirQueueFiles() {
        open(1);
        fillSegments("T", 5);
        assertThat(store.deleteExpiredCommitLogNow())
                .as("nothing is an hour old yet")
                .isZero();

        clock.advance(2, TimeUnit.HOURS);
        assertThat(store.runRetentionNow()).as("not the delete hour").isZero();
        int queueFilesBefore = queueFiles("T", 0);
        assertThat(store.deleteExpiredCommitLogNow()).isEqualTo(4);

        assertThat(store.stats().commitLogMinOffset()).isEqualTo(4L * SEGMENT_BYTES);
        assertThat(queueFiles("T", 0)).isLessThan(queueFilesBefore);
        try (GetResult old = store.getMessages("T", 0, 0, 10, MessageFilter.ALL)) {
            assertThat(old.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
        }
    }

    @Test
    void aNewRetentionPolicyTakesEffectAtTheNextDeletion() {
        open(100);
        fillSegments("T", 3);
        clock.advance(2, TimeUnit.HOURS);
        assertThat(store.deleteExpiredCommitLogNow()).isZero();

        RetentionPolicy shorter = new RetentionPolicy(1, store.retentionPolicy().deleteWhen(), 75, 0.9);
        store.updateRetentionPolicy(shorter);

        assertThat(store.retentionPolicy()).isEqualTo(shorter);
        assertThat(store.deleteExpiredCommitLogNow()).isEqualTo(2);
    }

    @Test
    void aRetentionPolicyWithABadValueCannotBeBuilt() {
        assertThatThrownBy(() -> new RetentionPolicy(72, "04;25", 75, 0.9)).hasMessageContaining("'25'");
        assertThatThrownBy(() -> new RetentionPolicy(72, "four", 75, 0.9)).hasMessageContaining("'four'");
        assertThatThrownBy(() -> new RetentionPolicy(-1, "04", 75, 0.9)).hasMessageContaining("fileReservedTime");
        assertThatThrownBy(() -> new RetentionPolicy(72, "04", 99, 0.9)).hasMessageContaining("diskMaxUsedSpaceRatio");
        assertThatThrownBy(() -> new RetentionPolicy(72, "04", 75, 90))
                .hasMessageContaining("diskSpaceWarningLevelRatio");
        assertThat(new RetentionPolicy(72, "04; 16", 75, 0.9).deleteHours()).containsExactlyInAnyOrder(4, 16);
    }

    @Test
    void cleanExpiredConsumeQueuesDropsQueueFilesThatPointOnlyBelowTheCommitLog() throws IOException {
        open(72);
        fillSegments("T", 4);
        store.shutdown();
        // an operator (or an older broker) removed old commit-log segments, but not the queue files
        try (Stream<Path> segments = Files.list(dir.resolve("commitlog"))) {
            for (Path segment : segments.sorted().limit(2).toList()) {
                Files.delete(segment);
            }
        }
        open(72);
        int before = queueFiles("T", 0);

        int deleted = store.cleanExpiredConsumeQueues();

        assertThat(deleted).isPositive();
        assertThat(queueFiles("T", 0)).isEqualTo(before - deleted);
        long firstKept = store.minOffset("T", 0);
        try (GetResult kept = store.getMessages("T", 0, firstKept, 1, MessageFilter.ALL)) {
            assertThat(kept.status()).isEqualTo(GetStatus.FOUND);
            assertThat(kept.records().get(0).commitLogOffset()).isGreaterThanOrEqualTo(2L * SEGMENT_BYTES);
        }
    }

    @Test
    void cleanUnusedTopicsDeletesTheQueuesOfTopicsNotInUseAndATopicComesBackOnItsNextMessage() {
        open(72);
        put(message("Kept", 0, "a"));
        put(message("Gone", 0, "b"));
        put(message("Gone", 1, "c"));
        awaitDispatched();
        assertThat(dir.resolve("consumequeue").resolve("Gone")).isDirectory();

        assertThat(store.cleanUnusedTopics("Kept"::equals)).isEqualTo(1);

        assertThat(dir.resolve("consumequeue").resolve("Gone")).doesNotExist();
        assertThat(store.queueEntries("Gone", 0, 0, 10)).isEmpty();
        assertThat(store.maxOffset("Kept", 0)).isEqualTo(1);
        put(message("Gone", 0, "d"));
        awaitDispatched();
        assertThat(store.maxOffset("Gone", 0))
                .as("the queue continues after its last offset")
                .isEqualTo(2);
    }

    @Test
    void queueEntriesAreTheStoredPositionsSizesAndTagHashes() {
        open(72);
        List<AppendedRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(put(message("T", 0, "m" + i, "tag" + (i % 2), null))
                    .records()
                    .get(0));
        }
        awaitDispatched();

        QueueEntriesView view = store.queueEntries("T", 0, 1, 3).orElseThrow();

        assertThat(view.minOffset()).isZero();
        assertThat(view.maxOffset()).isEqualTo(6);
        assertThat(view.entries())
                .extracting(QueueEntry::queueOffset, QueueEntry::commitLogOffset, QueueEntry::sizeBytes)
                .containsExactly(
                        tuple(
                                1L,
                                records.get(1).commitLogOffset(),
                                records.get(1).sizeBytes()),
                        tuple(
                                2L,
                                records.get(2).commitLogOffset(),
                                records.get(2).sizeBytes()),
                        tuple(
                                3L,
                                records.get(3).commitLogOffset(),
                                records.get(3).sizeBytes()));
        assertThat(view.entries().get(0).tagsHash()).isEqualTo(Message.tagsHashCode("tag1"));
        assertThat(store.queueEntries("T", 0, 5, 10).orElseThrow().entries()).hasSize(1);
        assertThat(store.queueEntries("T", 0, 6, 10).orElseThrow().entries()).isEmpty();
        assertThat(store.queueEntries("T", 3, 0, 10)).isEmpty();
    }

    private PutResult put(Message message) {
        PutResult result = store.putMessage(message).join();
        assertThat(result.isOk()).isTrue();
        return result;
    }

    private void fillSegments(String topic, int segments) {
        while (store.stats().commitLogMaxOffset() < (segments - 1) * (long) SEGMENT_BYTES + 1) {
            put(message(topic, 0, BODY));
        }
        awaitDispatched();
    }

    private void awaitDispatched() {
        long written = store.stats().commitLogMaxOffset();
        await().until(() -> store.stats().dispatchedOffset() == written);
    }

    private int queueFiles(String topic, int queueId) {
        try (Stream<Path> files =
                Files.list(dir.resolve("consumequeue").resolve(topic).resolve("" + queueId))) {
            return (int) files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
