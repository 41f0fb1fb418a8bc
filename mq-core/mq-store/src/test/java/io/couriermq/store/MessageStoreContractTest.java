package io.couriermq.store;

import static io.couriermq.store.StoreTestSupport.body;
import static io.couriermq.store.StoreTestSupport.decode;
import static io.couriermq.store.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link MessageStore} must show; run against each implementation by a subclass.
 * Reads wait (Awaitility) for dispatch, which the contract allows to lag behind the put.
 */
public abstract class MessageStoreContractTest {
    protected static final long START_MS = 1_700_000_000_000L;

    @TempDir
    protected Path dir;

    protected final ManualClock clock = new ManualClock(START_MS);
    protected MessageStore store;

    /** A fresh, started store under {@code dir} with a 16 KiB message limit. */
    protected abstract MessageStore newStore(Path dir, ManualClock clock);

    @BeforeEach
    void open() {
        store = newStore(dir, clock);
    }

    @AfterEach
    void close() {
        store.shutdown();
    }

    @Test
    void putThenGetReturnsTheStoredBytesWithAssignedOffsets() {
        List<PutResult> puts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            puts.add(put(message("TopicA", 1, "m" + i, "TagA", "k" + i)));
        }
        awaitMaxOffset("TopicA", 1, 3);

        try (GetResult result = store.getMessages("TopicA", 1, 0, 10, MessageFilter.ALL)) {
            assertThat(result.status()).isEqualTo(GetStatus.FOUND);
            assertThat(result.nextBeginOffset()).isEqualTo(3);
            assertThat(result.minOffset()).isZero();
            assertThat(result.maxOffset()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                StoredMessage stored = decode(result.records().get(i));
                assertThat(stored.queueOffset())
                        .isEqualTo(i)
                        .isEqualTo(puts.get(i).firstQueueOffset());
                assertThat(stored.commitLogOffset()).isEqualTo(puts.get(i).firstCommitLogOffset());
                assertThat(stored.storeTimestampMs()).isEqualTo(START_MS);
                assertThat(stored.message().tags()).isEqualTo("TagA");
                assertThat(body(result.records().get(i))).isEqualTo("m" + i);
            }
            assertThat(result.totalSizeBytes())
                    .isEqualTo(puts.stream()
                            .mapToInt(p -> p.records().get(0).sizeBytes())
                            .sum());
        }
    }

    @Test
    void eachQueueHasItsOwnOffsets() {
        put(message("TopicA", 0, "a"));
        put(message("TopicA", 1, "b"));
        PutResult second = put(message("TopicB", 0, "c"));
        assertThat(second.firstQueueOffset()).isZero();
        assertThat(put(message("TopicA", 0, "d")).firstQueueOffset()).isEqualTo(1);
    }

    @Test
    void reportsWhereAnOffsetFallsOutsideTheQueue() {
        try (GetResult unknown = store.getMessages("Nope", 0, 0, 10, MessageFilter.ALL)) {
            assertThat(unknown.status()).isEqualTo(GetStatus.NO_MESSAGE_IN_QUEUE);
        }
        put(message("TopicA", 0, "a"));
        put(message("TopicA", 0, "b"));
        awaitMaxOffset("TopicA", 0, 2);
        try (GetResult atEnd = store.getMessages("TopicA", 0, 2, 10, MessageFilter.ALL)) {
            assertThat(atEnd.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_ONE);
            assertThat(atEnd.nextBeginOffset()).isEqualTo(2);
        }
        try (GetResult past = store.getMessages("TopicA", 0, 7, 10, MessageFilter.ALL)) {
            assertThat(past.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_BADLY);
            assertThat(past.nextBeginOffset()).isEqualTo(2);
        }
        try (GetResult negative = store.getMessages("TopicA", 0, -1, 10, MessageFilter.ALL)) {
            assertThat(negative.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            assertThat(negative.nextBeginOffset()).isZero();
        }
    }

    @Test
    void maxCountLimitsTheReadAndNextBeginOffsetContinuesIt() {
        for (int i = 0; i < 5; i++) {
            put(message("TopicA", 0, "m" + i));
        }
        awaitMaxOffset("TopicA", 0, 5);
        try (GetResult first = store.getMessages("TopicA", 0, 0, 2, MessageFilter.ALL)) {
            assertThat(first.messageCount()).isEqualTo(2);
            assertThat(first.nextBeginOffset()).isEqualTo(2);
        }
        try (GetResult rest = store.getMessages("TopicA", 0, 2, 10, MessageFilter.ALL)) {
            assertThat(rest.records()).extracting(StoreTestSupport::body).containsExactly("m2", "m3", "m4");
        }
    }

    @Test
    void filtersOnTheTagHash() {
        put(message("TopicA", 0, "a", "TagA", null));
        put(message("TopicA", 0, "b", "TagB", null));
        put(message("TopicA", 0, "c", "TagA", null));
        awaitMaxOffset("TopicA", 0, 3);
        MessageFilter onlyTagA = hash -> hash == "TagA".hashCode();
        try (GetResult result = store.getMessages("TopicA", 0, 0, 10, onlyTagA)) {
            assertThat(result.records()).extracting(StoreTestSupport::body).containsExactly("a", "c");
            assertThat(result.nextBeginOffset()).isEqualTo(3);
        }
        try (GetResult none = store.getMessages("TopicA", 0, 0, 10, hash -> false)) {
            assertThat(none.status()).isEqualTo(GetStatus.NO_MATCHED_MESSAGE);
            assertThat(none.nextBeginOffset()).isEqualTo(3);
        }
    }

    @Test
    void batchGetsConsecutiveQueueOffsetsAndAdjacentRecords() {
        put(message("TopicA", 0, "before"));
        PutResult batch = store.putMessages(
                        List.of(message("TopicA", 0, "b0"), message("TopicA", 0, "b1"), message("TopicA", 0, "b2")))
                .join();
        assertThat(batch.status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(batch.records()).extracting(AppendedRecord::queueOffset).containsExactly(1L, 2L, 3L);
        for (int i = 1; i < 3; i++) {
            AppendedRecord previous = batch.records().get(i - 1);
            assertThat(batch.records().get(i).commitLogOffset())
                    .isEqualTo(previous.commitLogOffset() + previous.sizeBytes());
        }
        awaitMaxOffset("TopicA", 0, 4);
        try (GetResult result = store.getMessages("TopicA", 0, 1, 10, MessageFilter.ALL)) {
            assertThat(result.records()).extracting(StoreTestSupport::body).containsExactly("b0", "b1", "b2");
        }
    }

    @Test
    void refusesIllegalPutsWithAClearStatus() {
        PutResult mixed = store.putMessages(List.of(message("TopicA", 0, "a"), message("TopicA", 1, "b")))
                .join();
        assertThat(mixed.status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);

        PutResult tooLarge = put(message("TopicA", 0, "x".repeat(17 * 1024)));
        assertThat(tooLarge.status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        assertThat(tooLarge.detail()).contains("exceeds");

        Message longProperties = message("TopicA", 0, "a").toBuilder()
                .property("P", "v".repeat(40_000))
                .build();
        assertThat(put(longProperties).status()).isEqualTo(PutStatus.PROPERTIES_SIZE_EXCEEDED);
        assertThat(store.maxOffset("TopicA", 0)).isZero();
    }

    @Test
    void readsOneRecordByCommitLogOffset() {
        put(message("TopicA", 0, "a"));
        PutResult second = put(message("TopicA", 0, "b"));
        try (RecordSlice slice = store.readRecord(second.firstCommitLogOffset()).orElseThrow()) {
            assertThat(body(slice)).isEqualTo("b");
            assertThat(slice.commitLogOffset()).isEqualTo(second.firstCommitLogOffset());
        }
        assertThat(store.readRecord(second.firstCommitLogOffset() + 1_000_000)).isEmpty();
    }

    @Test
    void findsOffsetsAndStoreTimesByTimestamp() {
        assertThat(store.earliestStoreTimestampMs()).isEqualTo(-1);
        for (int i = 0; i < 4; i++) {
            put(message("TopicA", 0, "m" + i));
            clock.advanceMillis(1_000);
        }
        awaitMaxOffset("TopicA", 0, 4);
        assertThat(store.earliestStoreTimestampMs()).isEqualTo(START_MS);
        assertThat(store.storeTimestampMs("TopicA", 0, 2)).isEqualTo(START_MS + 2_000);
        assertThat(store.storeTimestampMs("TopicA", 0, 9)).isEqualTo(-1);
        assertThat(store.offsetByTimestamp("TopicA", 0, START_MS - 1)).isZero();
        assertThat(store.offsetByTimestamp("TopicA", 0, START_MS + 1_500)).isEqualTo(2);
        assertThat(store.offsetByTimestamp("TopicA", 0, START_MS + 2_000)).isEqualTo(2);
        assertThat(store.offsetByTimestamp("TopicA", 0, START_MS + 99_000)).isEqualTo(4);
    }

    @Test
    void queriesByKeyAndUniqueKeyWithinATimeRange() {
        put(message("TopicA", 0, "old", null, "order-1"));
        clock.advanceMillis(60_000);
        put(message("TopicA", 1, "new", null, "order-1 order-2"));
        put(message("TopicB", 0, "other topic", null, "order-1"));
        put(message("TopicA", 0, "unique").toBuilder()
                .property("UNIQ_KEY", "U-1")
                .build());
        awaitMaxOffset("TopicA", 0, 2);
        awaitMaxOffset("TopicB", 0, 1);

        try (QueryResult all = store.queryByKey("TopicA", "order-1", 10, 0, Long.MAX_VALUE)) {
            assertThat(all.records()).extracting(StoreTestSupport::body).containsExactly("new", "old");
        }
        try (QueryResult recent = store.queryByKey("TopicA", "order-1", 10, START_MS + 30_000, Long.MAX_VALUE)) {
            assertThat(recent.records()).extracting(StoreTestSupport::body).containsExactly("new");
        }
        try (QueryResult limited = store.queryByKey("TopicA", "order-1", 1, 0, Long.MAX_VALUE)) {
            assertThat(limited.records()).hasSize(1);
        }
        try (QueryResult unique = store.queryByKey("TopicA", "U-1", 10, 0, Long.MAX_VALUE)) {
            assertThat(unique.records()).extracting(StoreTestSupport::body).containsExactly("unique");
        }
    }

    @Test
    void theTimeRangeOfAKeyQueryIsExactToTheMillisecond() {
        put(message("TopicA", 0, "first", null, "k"));
        clock.advanceMillis(300);
        put(message("TopicA", 0, "second", null, "k"));
        awaitMaxOffset("TopicA", 0, 2);

        try (QueryResult later = store.queryByKey("TopicA", "k", 10, START_MS + 1, Long.MAX_VALUE)) {
            assertThat(later.records()).extracting(StoreTestSupport::body).containsExactly("second");
        }
        try (QueryResult earlier = store.queryByKey("TopicA", "k", 10, 0, START_MS + 299)) {
            assertThat(earlier.records()).extracting(StoreTestSupport::body).containsExactly("first");
        }
        try (QueryResult before = store.queryByKey("TopicA", "k", 10, 0, START_MS - 1)) {
            assertThat(before.records()).isEmpty();
        }
    }

    @Test
    void keysWithTheSameHashAreToldApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        put(message("TopicA", 0, "aa", null, "Aa"));
        put(message("TopicA", 0, "bb", null, "BB"));
        awaitMaxOffset("TopicA", 0, 2);
        try (QueryResult result = store.queryByKey("TopicA", "Aa", 10, 0, Long.MAX_VALUE)) {
            assertThat(result.records()).extracting(StoreTestSupport::body).containsExactly("aa");
        }
    }

    @Test
    void tellsListenersAboutEveryDispatchedEntry() {
        List<DispatchedEntry> seen = new CopyOnWriteArrayList<>();
        store.addDispatchListener(seen::add);
        put(message("TopicA", 3, "a", "TagA", null));
        put(message("TopicA", 3, "b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        assertThat(seen).extracting(DispatchedEntry::queueOffset).containsExactly(0L, 1L);
        assertThat(seen.get(0).topic()).isEqualTo("TopicA");
        assertThat(seen.get(0).queueId()).isEqualTo(3);
        assertThat(seen.get(0).tagsHash()).isEqualTo("TagA".hashCode());
    }

    @Test
    void refusesPutsAfterShutdown() {
        store.shutdown();
        assertThat(put(message("TopicA", 0, "late")).status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(store.stats().writable()).isFalse();
    }

    @Test
    void countsPuts() {
        put(message("TopicA", 0, "a"));
        put(message("TopicA", 0, "b"));
        StoreStats stats = store.stats();
        assertThat(stats.putCount()).isEqualTo(2);
        assertThat(stats.commitLogMaxOffset()).isPositive();
        assertThat(stats.writable()).isTrue();
        assertThat(Map.of("reason", stats.notWritableReason())).containsEntry("reason", "");
    }

    protected PutResult put(Message message) {
        return store.putMessage(message).join();
    }

    protected void awaitMaxOffset(String topic, int queueId, long expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> store.maxOffset(topic, queueId) == expected);
    }
}
