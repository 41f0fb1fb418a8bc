package io.couriermq.store.recovery;

import static io.couriermq.store.StoreTestSupport.body;
import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.PutResult;
import io.couriermq.store.QueueEntriesView;
import io.couriermq.store.QueueEntry;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.StoreTestSupport;
import io.couriermq.store.engine.FileMessageStore;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery after clean stops and crashes, simulated in one JVM with {@link FileMessageStore#halt()}. */
class RecoveryTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    private FileMessageStore open() {
        return FileMessageStore.open(StoreTestSupport.smallConfig(dir).build(), clock);
    }

    @Test
    void aCleanRestartChecksNothingAndContinuesEveryQueue() {
        FileMessageStore store = open();
        long end = putAndWait(store, "T", 20).firstCommitLogOffset();
        store.shutdown();

        FileMessageStore reopened = open();
        RecoveryReport report = reopened.recoveryReport();
        assertThat(report.afterCrash()).isFalse();
        assertThat(report.scannedBytes()).isZero();
        assertThat(report.redispatchedRecords()).isZero();
        assertThat(reopened.maxOffset("T", 0)).isEqualTo(20);
        assertThat(reopened.putMessage(message("T", 0, "next")).join().firstQueueOffset())
                .isEqualTo(20);
        assertThat(reopened.stats().commitLogMaxOffset()).isGreaterThan(end);
        reopened.shutdown();
    }

    @Test
    void aCleanRestartTakesEveryQueueFromTheEndsTheStopWroteAndMapsNone() {
        FileMessageStore store = open();
        for (int queue = 0; queue < 3; queue++) {
            for (int i = 0; i < 5; i++) {
                store.putMessage(message("T", queue, "q" + queue + "m" + i)).join();
            }
        }
        await().until(() -> store.maxOffset("T", 2) == 5);
        store.shutdown();
        Path ends = dir.resolve("consumequeue/queue-ends.txt");
        assertThat(ends).exists();

        FileMessageStore reopened = open();

        assertThat(ends).as("used once").doesNotExist();
        assertThat(reopened.stats().mappedConsumeQueueFiles())
                .as("no queue mapped, none searched")
                .isZero();
        assertThat(reopened.maxOffset("T", 1)).isEqualTo(5);
        try (GetResult read = reopened.getMessages("T", 1, 3, 10, MessageFilter.ALL)) {
            assertThat(read.records()).extracting(StoreTestSupport::body).containsExactly("q1m3", "q1m4");
        }
        assertThat(reopened.putMessage(message("T", 2, "next")).join().firstQueueOffset())
                .isEqualTo(5);
        reopened.shutdown();
    }

    @Test
    void afterACrashTheEndsOfAnEarlierCleanStopAreNotTrusted() throws Exception {
        FileMessageStore store = open();
        putAndWait(store, "T", 5);
        store.shutdown();
        Path ends = dir.resolve("consumequeue/queue-ends.txt");
        byte[] stale = Files.readAllBytes(ends);
        FileMessageStore reopened = open();
        putAndWait(reopened, "T", 5);
        reopened.checkpointNow();
        reopened.halt();
        Files.write(ends, stale); // as if the file had outlived the start that used it

        FileMessageStore afterCrash = open();

        assertThat(afterCrash.recoveryReport().afterCrash()).isTrue();
        assertThat(afterCrash.maxOffset("T", 0)).isEqualTo(10);
        assertThat(ends).doesNotExist();
        afterCrash.shutdown();
    }

    @Test
    void afterACrashATornLastRecordIsCutAndTheQueueEndsBeforeIt() throws Exception {
        FileMessageStore store = open();
        PutResult last = putAndWait(store, "T", 10);
        store.halt();
        Path segment = dir.resolve("commitlog/00000000000000000000");
        int recordBytes = last.records().get(0).sizeBytes();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(last.firstCommitLogOffset() + recordBytes / 2);
            file.write(new byte[recordBytes - recordBytes / 2]); // the last record's second half never landed
        }

        FileMessageStore reopened = open();
        assertThat(reopened.recoveryReport().afterCrash()).isTrue();
        assertThat(reopened.recoveryReport().validEndOffset()).isEqualTo(last.firstCommitLogOffset());
        assertThat(reopened.maxOffset("T", 0)).isEqualTo(9);
        try (GetResult atEnd = reopened.getMessages("T", 0, 9, 10, MessageFilter.ALL)) {
            assertThat(atEnd.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_ONE);
        }
        PutResult next = reopened.putMessage(message("T", 0, "after crash")).join();
        assertThat(next.firstQueueOffset()).isEqualTo(9);
        assertThat(next.firstCommitLogOffset()).isEqualTo(last.firstCommitLogOffset());
        await().until(() -> reopened.maxOffset("T", 0) == 10);
        try (GetResult read = reopened.getMessages("T", 0, 8, 10, MessageFilter.ALL)) {
            assertThat(read.records()).extracting(StoreTestSupport::body).containsExactly("m8", "after crash");
        }
        reopened.shutdown();
    }

    @Test
    void afterACrashMissingQueueEntriesAreRebuiltFromTheCommitLog() throws Exception {
        FileMessageStore store = open();
        putAndWait(store, "T", 5);
        store.checkpointNow();
        putAndWait(store, "T", 5);
        store.halt();
        try (RandomAccessFile file = new RandomAccessFile(
                dir.resolve("consumequeue/T/0/00000000000000000000").toFile(), "rw")) {
            file.seek(5 * 20);
            file.write(new byte[5 * 20]); // entries written after the checkpoint never reached the disk
        }
        deleteRecursively(dir.resolve("index"));

        FileMessageStore reopened = open();
        assertThat(reopened.maxOffset("T", 0)).isEqualTo(10);
        try (GetResult read = reopened.getMessages("T", 0, 0, 32, MessageFilter.ALL)) {
            assertThat(read.records()).hasSize(10);
            assertThat(body(read.records().get(9))).isEqualTo("m9");
        }
        assertThat(reopened.queryByKey("T", "key7", 10, 0, Long.MAX_VALUE).records())
                .hasSize(1);
        reopened.shutdown();
    }

    @Test
    void afterACrashOnlyTheQueuesTheRedispatchWritesAreMappedAndTheOthersRecoverOnFirstUse() {
        int queues = 200;
        FileMessageStore store = open();
        for (int q = 0; q < queues; q++) {
            store.putMessage(message("T", q, "q" + q + "m0")).join();
        }
        awaitDispatched(store);
        store.checkpointNow();
        store.putMessage(message("T", 0, "q0m1")).join(); // after the checkpoint: re-dispatched
        awaitDispatched(store);
        store.halt();

        FileMessageStore reopened = open();

        assertThat(reopened.recoveryReport().afterCrash()).isTrue();
        assertThat(reopened.recoveryReport().redispatchedRecords()).isEqualTo(1);
        assertThat(reopened.stats().mappedConsumeQueueFiles())
                .as("only the queue the re-dispatch wrote is mapped")
                .isEqualTo(1);
        PutResult untouched = reopened.putMessage(message("T", 7, "q7m1")).join();
        PutResult rewritten = reopened.putMessage(message("T", 0, "q0m2")).join();
        assertThat(untouched.firstQueueOffset())
                .as("a queue the re-dispatch did not touch")
                .isEqualTo(1);
        assertThat(rewritten.firstQueueOffset())
                .as("the queue the re-dispatch wrote")
                .isEqualTo(2);
        awaitDispatched(reopened);
        for (int q = 0; q < queues; q++) {
            int count = q == 0 ? 3 : q == 7 ? 2 : 1;
            assertThat(reopened.minOffset("T", q)).as("min of queue %d", q).isZero();
            assertThat(reopened.maxOffset("T", q)).as("max of queue %d", q).isEqualTo(count);
            try (GetResult read = reopened.getMessages("T", q, 0, 10, MessageFilter.ALL)) {
                assertThat(read.records())
                        .extracting(StoreTestSupport::body)
                        .hasSize(count)
                        .startsWith("q" + q + "m0");
            }
        }
        try (GetResult read = reopened.getMessages("T", 0, 0, 10, MessageFilter.ALL)) {
            assertThat(read.records()).extracting(StoreTestSupport::body).containsExactly("q0m0", "q0m1", "q0m2");
        }
        reopened.shutdown();
    }

    @Test
    void afterACrashEntriesPastTheRecoveredLogAreGoneAtAQueuesFirstReadOrAppend() throws Exception {
        FileMessageStore store = open();
        for (int q = 1; q <= 2; q++) {
            store.putMessage(message("T", q, "q" + q + "m0")).join();
            store.putMessage(message("T", q, "q" + q + "m1")).join();
        }
        awaitDispatched(store);
        store.checkpointNow();
        long logEnd = store.stats().commitLogMaxOffset();
        store.halt();
        // entries that reached the disk while the records they point at did not (a torn commit-log tail)
        for (int q = 1; q <= 2; q++) {
            plantEntry(q, 2, logEnd + 1_000);
            plantEntry(q, 3, logEnd + 2_000);
        }

        FileMessageStore reopened = open();

        assertThat(reopened.recoveryReport().validEndOffset()).isEqualTo(logEnd);
        assertThat(reopened.stats().mappedConsumeQueueFiles())
                .as("nothing mapped yet")
                .isZero();
        assertThat(reopened.maxOffset("T", 1)).as("first read of queue 1").isEqualTo(2);
        assertThat(Arrays.copyOfRange(Files.readAllBytes(queueFile(1)), 2 * 20, 4 * 20))
                .as("the entries cut are zeroed")
                .containsOnly(0);
        try (GetResult atEnd = reopened.getMessages("T", 1, 2, 10, MessageFilter.ALL)) {
            assertThat(atEnd.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_ONE);
        }
        PutResult appended = reopened.putMessage(message("T", 2, "q2m2")).join();
        assertThat(appended.firstQueueOffset()).as("first append to queue 2").isEqualTo(2);
        awaitDispatched(reopened);
        QueueEntriesView entries = reopened.queueEntries("T", 2, 0, 10).orElseThrow();
        assertThat(entries.maxOffset()).isEqualTo(3);
        assertThat(entries.entries())
                .extracting(QueueEntry::commitLogOffset)
                .last()
                .isEqualTo(appended.firstCommitLogOffset());
        try (GetResult read = reopened.getMessages("T", 2, 0, 10, MessageFilter.ALL)) {
            assertThat(read.records()).extracting(StoreTestSupport::body).containsExactly("q2m0", "q2m1", "q2m2");
        }
        reopened.shutdown();
    }

    @Test
    void aCleanStopWritesTheTrimmedEndOfAQueueNotUsedSinceACrash() throws Exception {
        FileMessageStore store = open();
        store.putMessage(message("T", 1, "q1m0")).join();
        awaitDispatched(store);
        store.checkpointNow();
        long logEnd = store.stats().commitLogMaxOffset();
        store.halt();
        plantEntry(1, 1, logEnd + 1_000);
        FileMessageStore afterCrash = open();
        afterCrash.shutdown(); // queue 1 never used: its trim is applied for the ends file

        FileMessageStore reopened = open();

        assertThat(reopened.recoveryReport().afterCrash()).isFalse();
        assertThat(reopened.stats().mappedConsumeQueueFiles()).isZero();
        assertThat(reopened.maxOffset("T", 1))
                .as("the end written, not the file's")
                .isEqualTo(1);
        assertThat(reopened.putMessage(message("T", 1, "q1m1")).join().firstQueueOffset())
                .isEqualTo(1);
        reopened.shutdown();
    }

    @Test
    void aQueueStillOwingItsTrimAtASecondCrashKeepsNoEntryPastTheFirstCrashesLog() throws Exception {
        FileMessageStore store = open();
        store.putMessage(message("T", 0, "q0m0")).join();
        store.putMessage(message("T", 1, "q1m0")).join();
        awaitDispatched(store);
        store.checkpointNow();
        long logEnd = store.stats().commitLogMaxOffset();
        store.halt();
        // torn: entries of queue 1 whose records never reached the log, where later records will start
        plantEntry(1, 1, logEnd);
        plantEntry(1, 2, logEnd + 1);
        FileMessageStore second = open();
        for (int i = 1; i <= 5; i++) {
            second.putMessage(message("T", 0, "q0m" + i)).join();
        }
        awaitDispatched(second);
        second.checkpointNow(); // vouches for the log past both planted offsets; queue 1 was never used
        second.halt();

        FileMessageStore third = open();

        assertThat(third.maxOffset("T", 1)).isEqualTo(1);
        try (GetResult read = third.getMessages("T", 1, 0, 10, MessageFilter.ALL)) {
            assertThat(read.records()).extracting(StoreTestSupport::body).containsExactly("q1m0");
        }
        assertThat(third.putMessage(message("T", 1, "q1m1")).join().firstQueueOffset())
                .isEqualTo(1);
        assertThat(third.maxOffset("T", 0)).isEqualTo(6);
        third.shutdown();
    }

    private Path queueFile(int queueId) {
        return dir.resolve("consumequeue/T/" + queueId + "/00000000000000000000");
    }

    /** Writes a consume-queue entry straight into the file, as a crash may leave one. */
    private void plantEntry(int queueId, long queueOffset, long commitLogOffset) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(queueFile(queueId).toFile(), "rw")) {
            file.seek(queueOffset * 20);
            file.writeLong(commitLogOffset);
            file.writeInt(100);
            file.writeLong(0);
        }
    }

    private static void awaitDispatched(FileMessageStore store) {
        await().until(() -> store.stats().dispatchedOffset() == store.stats().commitLogMaxOffset());
    }

    @Test
    void recoveryWorkDependsOnTheTailAfterTheCheckpointNotOnStoreSize() {
        RecoveryReport small = crashWithTail(dir.resolve("small"), 20);
        RecoveryReport large = crashWithTail(dir.resolve("large"), 400);

        assertThat(large.afterCrash()).isTrue();
        assertThat(large.scannedRecords()).isEqualTo(small.scannedRecords()).isEqualTo(15);
        assertThat(large.redispatchedRecords()).isEqualTo(15);
        assertThat(large.scannedBytes()).isEqualTo(small.scannedBytes());
        assertThat(large.startOffset()).isGreaterThan(small.startOffset() * 10);
    }

    /** A store with {@code segments} full 8 KiB segments, checkpointed, then 15 more records and a crash. */
    private RecoveryReport crashWithTail(Path root, int segments) {
        StoreConfig config = StoreTestSupport.smallConfig(root)
                .mappedFileSizeCommitLog(8 * 1024)
                .maxMessageSize(4 * 1024)
                .build();
        FileMessageStore store = FileMessageStore.open(config, clock);
        String body = "x".repeat(1000);
        while (store.stats().commitLogMaxOffset() < (long) segments * config.mappedFileSizeCommitLog()) {
            PutResult batch = store.putMessages(Collections.nCopies(3, message("T", 0, body)))
                    .join();
            assertThat(batch.isOk()).as(batch.detail()).isTrue();
        }
        long written = store.stats().commitLogMaxOffset();
        await().until(() ->
                store.stats().dispatchedOffset() == written && store.stats().flushedOffset() == written);
        store.checkpointNow();
        for (int i = 0; i < 15; i++) {
            store.putMessage(message("T", 0, body)).join();
        }
        store.halt();
        FileMessageStore reopened = FileMessageStore.open(config, clock);
        RecoveryReport report = reopened.recoveryReport();
        long expected = reopened.maxOffset("T", 0);
        assertThat(reopened.stats().commitLogMaxOffset()).isEqualTo(report.validEndOffset());
        assertThat(expected).isPositive();
        reopened.shutdown();
        return report;
    }

    private static PutResult putAndWait(FileMessageStore store, String topic, int count) {
        long before = store.maxOffset(topic, 0);
        PutResult last = null;
        for (int i = 0; i < count; i++) {
            long n = before + i;
            last = store.putMessage(message(topic, 0, "m" + n, "Tag", "key" + n))
                    .join();
        }
        await().until(() -> store.maxOffset(topic, 0) == before + count);
        return last;
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
