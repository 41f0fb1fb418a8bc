package io.couriermq.compat.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each probe against a store directory laid out as the broker lays it out, changed by hand. */
class StoreProbeTest {
    private static final int SEGMENT_BYTES = 4096;
    private static final long WINDOW_START_MS = 1_765_000_010_000L;

    @TempDir
    Path store;

    @Test
    void aCommitLogRollIsANewSegmentFileAndTheSegmentRolledIntoIsReported() throws IOException {
        Path commitLog = Files.createDirectories(store.resolve("commitlog"));
        segment(commitLog.resolve(name(0)), 4000);
        segment(commitLog.resolve(name(SEGMENT_BYTES)), 0); // preallocated, unused
        StoreProbe probe = StoreProbe.of(KillTarget.COMMITLOG_ROLL, store, 0);
        assertThat(probe.poll()).isNull();

        segment(commitLog.resolve(name(SEGMENT_BYTES)), 120); // the writer rolled into it...
        assertThat(probe.poll()).isNull();
        segment(commitLog.resolve(name(2L * SEGMENT_BYTES)), 0); // ...and the allocator prepared the next

        assertThat(probe.poll()).isEqualTo("new file commitlog/" + name(2L * SEGMENT_BYTES));
        assertThat(probe.leftOnDisk())
                .isEqualTo(name(SEGMENT_BYTES) + " holds about 120 bytes, the new " + name(2L * SEGMENT_BYTES)
                        + " about 0 bytes, 3 segments");
    }

    @Test
    void aConsumeQueueRollIsANewFileInAQueueThatHadOneNotANewQueue() throws IOException {
        Path queue = Files.createDirectories(store.resolve("consumequeue/CrashAcked/2"));
        queueFile(queue.resolve(name(0)), 300);
        StoreProbe probe = StoreProbe.of(KillTarget.CONSUME_QUEUE_ROLL, store, 0);

        queueFile(
                Files.createDirectories(store.resolve("consumequeue/NewTopic/0"))
                        .resolve(name(0)),
                1);
        assertThat(probe.poll()).as("a new queue's first file").isNull();

        queueFile(queue.resolve(name(6000)), 3);
        assertThat(probe.poll()).isEqualTo("new file consumequeue/CrashAcked/2/" + name(6000));
        assertThat(probe.leftOnDisk()).isEqualTo("consumequeue/CrashAcked/2/" + name(6000) + " holds 3 entries");
    }

    @Test
    void aCheckpointWriteIsANewTempFileOrAReplacedCheckpointNotOneLeftByAnEarlierKill() throws IOException {
        Path checkpoint = Files.writeString(store.resolve("checkpoint"), "{\"flushed\":1}");
        Path temp = Files.writeString(store.resolve("checkpoint.tmp"), "{\"flushed\":0}"); // from the last kill
        StoreProbe probe = StoreProbe.of(KillTarget.CHECKPOINT_WRITE, store, 0);
        assertThat(probe.poll()).isNull();

        Files.writeString(temp, "{\"flushed\":22}");
        assertThat(probe.poll()).startsWith("checkpoint.tmp being written");
        assertThat(probe.leftOnDisk()).contains("killed mid-write");

        Files.move(checkpoint, store.resolve("checkpoint.bak"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(probe.leftOnDisk()).contains("checkpoint missing");
        Files.move(temp, checkpoint);
        assertThat(probe.poll()).isEqualTo("checkpoint just replaced");
        assertThat(probe.leftOnDisk()).isEqualTo("files checkpoint, checkpoint.bak; the checkpoint was in place");
    }

    @Test
    void aTimerWindowSwitchIsTheFirstTimerCheckpointWithItsCursorInTheNewWindow() throws IOException {
        Path timer = Files.createDirectories(store.resolve("timer/windows")).getParent();
        Files.writeString(timer.resolve("windows/" + name(WINDOW_START_MS - 10_000) + ".timer"), "x");
        Path checkpoint = timer.resolve("checkpoint.json");
        timerCheckpoint(checkpoint, WINDOW_START_MS - 900);
        StoreProbe probe = StoreProbe.of(KillTarget.TIMER_SWITCH, store, WINDOW_START_MS);

        Path temp = timer.resolve("checkpoint.json.tmp");
        timerCheckpoint(temp, WINDOW_START_MS - 1);
        assertThat(probe.poll())
                .as("a checkpoint still in the old window, being written")
                .isNull();
        Files.move(temp, checkpoint, StandardCopyOption.REPLACE_EXISTING);
        assertThat(probe.poll())
                .as("a checkpoint still in the old window, written")
                .isNull();

        timerCheckpoint(temp, WINDOW_START_MS + 101);
        assertThat(probe.poll()).isEqualTo("timer checkpoint being written with its cursor 101 ms into the new window");
        Files.move(temp, checkpoint, StandardCopyOption.REPLACE_EXISTING);
        assertThat(probe.leftOnDisk())
                .isEqualTo("checkpoint.json holds the new window's cursor; 1 index windows before it still on disk,"
                        + " no checkpoint.json.tmp");
    }

    @Test
    void theNextTimerWindowStartsOnATenSecondBoundaryAtLeastTheLeadAway() {
        assertThat(TimerWindows.nextStart(1_765_000_008_000L, 1_500)).isEqualTo(1_765_000_010_000L);
        assertThat(TimerWindows.nextStart(1_765_000_008_600L, 1_500)).isEqualTo(1_765_000_020_000L);
        assertThat(TimerWindows.nextStart(1_765_000_008_500L, 1_500)).isEqualTo(1_765_000_010_000L);
    }

    private static String name(long offset) {
        return String.format("%020d", offset);
    }

    private static void segment(Path file, int writtenBytes) throws IOException {
        byte[] bytes = new byte[SEGMENT_BYTES];
        Arrays.fill(bytes, 0, writtenBytes, (byte) 7);
        Files.write(file, bytes);
    }

    private static void queueFile(Path file, int entries) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(300 * 20);
        for (int entry = 0; entry < entries; entry++) {
            bytes.putLong(entry * 20, 1000L * entry).putInt(entry * 20 + 8, 512);
        }
        Files.write(file, bytes.array());
    }

    private static void timerCheckpoint(Path file, long cursorMs) throws IOException {
        Files.writeString(file, "{\n  \"cursorMs\" : " + cursorMs + ",\n  \"enqueueOffset\" : 12\n}");
    }
}
