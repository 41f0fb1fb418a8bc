package io.couriermq.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.pending.PendingDelivery;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.memory.InMemoryMessageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timer with a manual clock over an in-memory store and real index files. */
class TimerServiceTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String TOPIC = "Orders";
    private static final int QUEUE = 2;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private final MessageStore store = new InMemoryMessageStore(clock, 4 << 20);
    private final TimerDiversion diversion = new TimerDiversion(clock, 259_200);
    private final List<TimerService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(TimerService::closeIndex);
    }

    @Test
    void aMessageIsDeliveredAtItsDueTimeNotBefore() {
        TimerService timer = timer();
        long offset = park("m1", T0 + 5_000);

        timer.round();
        clock.advanceMillis(4_999);
        timer.round();
        assertThat(delivered()).isEmpty();

        clock.advanceMillis(1);
        timer.round();
        assertThat(delivered()).singleElement().satisfies(message -> {
            Message delivered = message.message();
            assertThat(delivered.topic()).isEqualTo(TOPIC);
            assertThat(delivered.queueId()).isEqualTo(QUEUE);
            assertThat(delivered.uniqueKey()).isEqualTo("m1");
            assertThat(StandardCharsets.UTF_8.decode(delivered.body()).toString())
                    .isEqualTo("body-m1");
            assertThat(delivered.properties())
                    .doesNotContainKeys(MessageConst.REAL_TOPIC, MessageConst.REAL_QUEUE_ID)
                    .containsEntry(MessageConst.TIMER_OUT_MS, String.valueOf(T0 + 5_000))
                    .containsEntry(MessageConst.TIMER_DEQUEUE_MS, String.valueOf(T0 + 5_000))
                    .containsKey(MessageConst.TIMER_ENQUEUE_MS);
            assertThat(message.commitLogOffset()).isNotEqualTo(offset);
        });
        timer.round();
        assertThat(delivered()).hasSize(1);
    }

    @Test
    void messagesAreDeliveredInDueOrderEvenWhenParkedOutOfOrder() {
        TimerService timer = timer();
        park("late", T0 + 3_000);
        park("early", T0 + 1_000);
        park("middle", T0 + 2_000);

        timer.round();
        clock.advanceMillis(3_000);
        timer.round();

        assertThat(delivered()).extracting(m -> m.message().uniqueKey()).containsExactly("early", "middle", "late");
    }

    @Test
    void anOverdueMessageIsDeliveredOnceAtTheFirstRound() {
        TimerService timer = timer();
        park("overdue", T0 + 100);
        clock.advanceMillis(60_000);

        timer.round();
        timer.round();

        assertThat(delivered()).extracting(m -> m.message().uniqueKey()).containsExactly("overdue");
    }

    @Test
    void aMessageDueFarAheadWaitsInItsWindowFileAndIsLoadedWhenItsTimeComes() throws Exception {
        TimerService timer = timer();
        park("tomorrow", T0 + 86_400_000);
        timer.round();

        assertThat(timer.wheel().loadedCount()).isZero();
        assertThat(windowFiles()).hasSize(1);

        clock.advanceMillis(86_400_000 - 5_000);
        timer.round();
        assertThat(timer.wheel().loadedCount()).isEqualTo(1);
        assertThat(delivered()).isEmpty();
        clock.advanceMillis(5_000);
        timer.round();
        assertThat(delivered()).hasSize(1);
    }

    @Test
    void theNextWindowIsReadAheadAChunkAtATimeAndWhatIsParkedMeanwhileIsNotLost() {
        TimerService timer = timer();
        int crowd = 5_000;
        for (int i = 0; i < crowd; i++) {
            park("m" + i, T0 + 20_000 + i);
        }
        while (timer.wheel().enqueueOffset() < store.maxOffset(TimerTopic.NAME, TimerTopic.QUEUE_ID)) {
            timer.round();
        }
        assertThat(timer.wheel().loadedCount())
                .as("two windows ahead: on disk only")
                .isZero();

        clock.advanceMillis(10_000);
        timer.round();
        int firstChunk = timer.wheel().loadedCount();
        assertThat(firstChunk)
                .as("one round reads a chunk, not the whole window")
                .isBetween(1, crowd - 1);
        assertThat(timer.wheel().prefetching(clock.millis())).isTrue();

        park("late-comer", T0 + 25_000);
        while (timer.wheel().prefetching(clock.millis())) {
            timer.round();
        }
        assertThat(timer.wheel().loadedCount()).isEqualTo(crowd + 1);

        clock.advanceMillis(20_000);
        timer.round();
        List<String> keys = deliveredKeys();
        assertThat(keys).hasSize(crowd + 1).doesNotHaveDuplicates().contains("late-comer");
        assertThat(keys.subList(0, 3)).containsExactly("m0", "m1", "m2");
    }

    @Test
    void pendingDeliveriesAreListedPerTopicEarliestFirstWithALimit() {
        TimerService timer = timer();
        park("b", T0 + 2_000);
        park("far", T0 + 3_600_000);
        park("a", T0 + 1_000);
        parkTo("Other", "x", T0 + 500);
        timer.round();

        List<PendingDelivery> pending = timer.pendingDeliveries().pending(TOPIC, 10);

        assertThat(pending).extracting(PendingDelivery::uniqueKey).containsExactly("a", "b", "far");
        assertThat(pending.get(0).dueAtMs()).isEqualTo(T0 + 1_000);
        assertThat(pending.get(0).queueId()).isEqualTo(QUEUE);
        assertThat(pending.get(0).topic()).isEqualTo(TOPIC);
        assertThat(pending.get(0).schedule()).isEqualTo("timer");
        assertThat(pending.get(0).tags()).isEqualTo("TagA");
        assertThat(timer.pendingDeliveries().pending(TOPIC, 2))
                .extracting(PendingDelivery::uniqueKey)
                .containsExactly("a", "b");
    }

    @Test
    void aCancelledMessageIsNeverDeliveredByUniqueKeyOrOffsetId() {
        TimerService timer = timer();
        park("keep", T0 + 1_000);
        park("drop-by-key", T0 + 1_000);
        park("drop-by-offset-id", T0 + 3_600_000);
        timer.round();
        String offsetId = timer.pendingDeliveries().pending(TOPIC, 10).stream()
                .filter(p -> p.uniqueKey().equals("drop-by-offset-id"))
                .findFirst()
                .orElseThrow()
                .offsetMessageId();

        assertThat(timer.pendingDeliveries().cancel("drop-by-key")).isTrue();
        assertThat(timer.pendingDeliveries().cancel(offsetId)).isTrue();
        assertThat(timer.pendingDeliveries().cancel("drop-by-key")).isFalse();
        assertThat(timer.pendingDeliveries().cancel("no-such-id")).isFalse();
        assertThat(timer.pendingDeliveries().pending(TOPIC, 10))
                .extracting(PendingDelivery::uniqueKey)
                .containsExactly("keep");

        clock.advanceMillis(3_600_000);
        timer.round();
        assertThat(delivered()).extracting(m -> m.message().uniqueKey()).containsExactly("keep");
        assertThat(timer.pendingDeliveries().cancel("keep")).isFalse();
    }

    @Test
    void aRestartResumesFromTheFilesAndDeliversEachMessageOnce() {
        TimerService before = timer();
        park("soon", T0 + 2_000);
        park("later", T0 + 40_000);
        park("cancelled", T0 + 40_000);
        before.round();
        assertThat(before.pendingDeliveries().cancel("cancelled")).isTrue();
        clock.advanceMillis(2_000);
        before.round();
        assertThat(delivered()).hasSize(1);
        before.closeIndex();
        services.remove(before);

        clock.advanceMillis(60_000);
        TimerService after = timer();
        park("parked-after-restart", T0 + 65_000);
        after.round();
        clock.advanceMillis(3_000);
        after.round();

        assertThat(delivered())
                .extracting(m -> m.message().uniqueKey())
                .containsExactly("soon", "later", "parked-after-restart");
    }

    @Test
    void aCrashBeforeTheCheckpointRedeliversRatherThanLoses() {
        TimerService crashed = timer();
        park("a", T0 + 1_000);
        park("b", T0 + 30_000);
        crashed.round(); // indexed into the files, no checkpoint yet (less than the checkpoint interval)
        services.remove(crashed); // never closed: as if the process died

        TimerService restarted = timer();
        clock.advanceMillis(30_000);
        restarted.round();

        assertThat(delivered()).extracting(m -> m.message().uniqueKey()).containsExactly("a", "b");
    }

    @Test
    void windowFilesArePrunedOnceTheCursorHasPassedThem() throws Exception {
        TimerService timer = timer();
        park("a", T0 + 1_000);
        timer.round();
        assertThat(windowFiles()).hasSize(1);

        clock.advanceMillis(30_000);
        timer.round();

        assertThat(delivered()).hasSize(1);
        assertThat(windowFiles()).isEmpty();
    }

    @Test
    void retentionIsHeldAtTheLowestParkedMessageUntilItsWindowIsDoneAcrossARestart() {
        TimerService timer = timer();
        assertThat(timer.heldFromOffset()).isEqualTo(Long.MAX_VALUE);
        long inTwoDays = park("in-two-days", T0 + 2 * 86_400_000L);
        long soon = park("soon", T0 + 1_000);
        timer.round();
        assertThat(timer.heldFromOffset()).isEqualTo(Math.min(inTwoDays, soon));

        clock.advanceMillis(30_000);
        timer.round();
        assertThat(delivered()).hasSize(1);
        assertThat(timer.heldFromOffset()).as("only the two-day wait holds").isEqualTo(inTwoDays);

        timer.closeIndex();
        services.remove(timer);
        TimerService restarted = timer();
        assertThat(restarted.heldFromOffset())
                .as("read back from the window files")
                .isEqualTo(inTwoDays);

        clock.advanceMillis(2 * 86_400_000L);
        restarted.round();
        clock.advanceMillis(30_000);
        restarted.round();
        assertThat(delivered()).hasSize(2);
        assertThat(restarted.heldFromOffset()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theReplicationCheckpointIsTheLastOneWritten() {
        TimerService timer = timer();
        assertThat(timer.replicationCheckpoint().lastReadTimeMs()).isEqualTo(T0);
        park("m1", T0 + 5_000);
        park("m2", T0 + 6_000);
        timer.round();

        timer.closeIndex(); // writes a checkpoint

        var checkpoint = timer.replicationCheckpoint();
        assertThat(checkpoint.lastTimerQueueOffset()).isEqualTo(2);
        assertThat(checkpoint.masterTimerQueueOffset()).isEqualTo(2);
        assertThat(checkpoint.lastTimerLogFlushPos()).isZero();
        assertThat(checkpoint.dataVersion().counter()).isEqualTo(1);
    }

    private TimerService timer() {
        TimerService service = new TimerService(store, clock, dir, 10);
        services.add(service);
        return service;
    }

    private long park(String id, long dueMs) {
        return parkTo(TOPIC, id, dueMs);
    }

    private long parkTo(String topic, String id, long dueMs) {
        Message message = Message.builder(topic, QUEUE)
                .body(("body-" + id).getBytes(StandardCharsets.UTF_8))
                .tags("TagA")
                .property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, id)
                .property(MessageConst.TIMER_DELIVER_MS, String.valueOf(dueMs))
                .bornTimestampMs(clock.millis())
                .build();
        PutResult result = store.putMessage(diversion.divert(message)).join();
        assertThat(result.isOk()).isTrue();
        return result.firstCommitLogOffset();
    }

    private List<StoredMessage> delivered() {
        List<StoredMessage> messages = new ArrayList<>();
        try (GetResult result = store.getMessages(TOPIC, QUEUE, 0, 1_000, MessageFilter.ALL)) {
            for (RecordSlice slice : result.records()) {
                messages.add(MessageDecoder.decode(slice.buffer(), 0));
            }
        }
        return messages;
    }

    private List<String> deliveredKeys() {
        List<String> keys = new ArrayList<>();
        long offset = 0;
        while (offset < store.maxOffset(TOPIC, QUEUE)) {
            try (GetResult result = store.getMessages(TOPIC, QUEUE, offset, 1_000, MessageFilter.ALL)) {
                for (RecordSlice slice : result.records()) {
                    keys.add(MessageDecoder.decode(slice.buffer(), 0).message().uniqueKey());
                }
                offset = result.nextBeginOffset();
            }
        }
        return keys;
    }

    private List<Path> windowFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("windows"))) {
            return files.toList();
        }
    }
}
