package io.couriermq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.pending.PendingDelivery;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.ManualClock;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.memory.InMemoryMessageStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery of parked messages, driven round by round with a manual clock (no thread started). */
class DelayDeliveryServiceTest {
    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path configDir;

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock, 1 << 20);
    private final DelayLevelDiversion diversion = new DelayLevelDiversion(DelayLevels.DEFAULT);
    private DelayProgress progress;
    private DelayDeliveryService service;

    @BeforeEach
    void setUp() {
        progress = new DelayProgress(configDir);
        service = new DelayDeliveryService(store, DelayLevels.DEFAULT, progress, clock);
        store.addDispatchListener(service);
    }

    @Test
    void aParkedMessageIsDeliveredToItsRealQueueWhenItsLevelsDelayHasPassed() {
        AppendedRecord parked = park("Orders", 2, 2, "k1");

        clock.advanceMillis(4_999);
        assertThat(service.deliverDue()).isZero();
        assertThat(store.maxOffset("Orders", 2)).isZero();

        clock.advanceMillis(1);
        assertThat(service.deliverDue()).isEqualTo(1);

        StoredMessage delivered = read("Orders", 2).get(0);
        assertThat(delivered.message().topic()).isEqualTo("Orders");
        assertThat(delivered.message().queueId()).isEqualTo(2);
        assertThat(delivered.message().properties())
                .doesNotContainKey(MessageConst.DELAY_TIME_LEVEL)
                .containsEntry(MessageConst.REAL_TOPIC, "Orders")
                .containsEntry(MessageConst.KEYS, "k1");
        assertThat(delivered.storeTimestampMs()).isEqualTo(START + 5_000);
        assertThat(delivered.commitLogOffset()).isNotEqualTo(parked.commitLogOffset());
        assertThat(new DelayProgress(configDir).offset(2))
                .as("persisted progress")
                .isEqualTo(1);

        clock.advanceMillis(60_000);
        assertThat(service.deliverDue()).as("never twice").isZero();
    }

    @Test
    void retentionIsHeldAtTheFirstUndeliveredMessageOfAnyLevel() {
        assertThat(service.heldFromOffset()).isEqualTo(Long.MAX_VALUE);
        AppendedRecord tenSeconds = park("Orders", 0, 3, "ten-seconds");
        AppendedRecord oneSecond = park("Orders", 0, 1, "one-second");
        assertThat(service.heldFromOffset()).isEqualTo(tenSeconds.commitLogOffset());

        clock.advanceMillis(1_000);
        service.deliverDue();
        assertThat(service.heldFromOffset()).isEqualTo(tenSeconds.commitLogOffset());
        assertThat(oneSecond.commitLogOffset()).isGreaterThan(tenSeconds.commitLogOffset());

        clock.advanceMillis(9_000);
        service.deliverDue();
        assertThat(service.heldFromOffset()).as("everything delivered").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eachLevelHasItsOwnTimer() {
        park("Orders", 0, 3, "ten-seconds");
        clock.advanceMillis(1_000);
        park("Orders", 0, 1, "one-second");

        clock.advanceMillis(1_000);
        assertThat(service.deliverDue()).isEqualTo(1);
        clock.advanceMillis(8_000);
        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(read("Orders", 0))
                .extracting(m -> m.message().property(MessageConst.KEYS))
                .containsExactly("one-second", "ten-seconds");
    }

    @Test
    void onlyTheMessagesDueAreDeliveredInStoreOrder() {
        for (int i = 0; i < 40; i++) {
            park("Orders", 1, 1, "m" + i);
            clock.advanceMillis(i == 19 ? 10 : 0);
        }
        clock.advanceMillis(990); // the first 20 were stored at START, the others 10 ms later
        assertThat(service.deliverDue()).isEqualTo(20);
        clock.advanceMillis(10);
        assertThat(service.deliverDue()).isEqualTo(20);

        assertThat(read("Orders", 1))
                .extracting(m -> m.message().property(MessageConst.KEYS))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40)
                        .mapToObj(i -> "m" + i)
                        .toList());
    }

    @Test
    void aNewServiceOverThePersistedProgressDeliversWhatIsLeftAndNothingTwice() {
        park("Orders", 0, 1, "early");
        park("Orders", 0, 4, "late");
        clock.advanceMillis(1_000);
        assertThat(service.deliverDue()).isEqualTo(1);

        DelayDeliveryService restarted =
                new DelayDeliveryService(store, DelayLevels.DEFAULT, new DelayProgress(configDir), clock);
        clock.advanceMillis(29_000);
        assertThat(restarted.deliverDue()).isEqualTo(1);

        assertThat(read("Orders", 0))
                .extracting(m -> m.message().property(MessageConst.KEYS))
                .containsExactly("early", "late");
    }

    @Test
    void pendingMessagesAreListedPerTopicEarliestFirstAndCanBeCancelledDurably() {
        AppendedRecord late = park("Orders", 0, 4, "late");
        park("Orders", 1, 2, "soon");
        park("Payments", 0, 2, "other topic");
        DelayLevelPendingDeliveries pending = new DelayLevelPendingDeliveries(store, DelayLevels.DEFAULT, progress);

        List<PendingDelivery> orders = pending.pending("Orders", 10);
        assertThat(orders).extracting(PendingDelivery::keys).containsExactly("soon", "late");
        assertThat(orders.get(1).dueAtMs()).isEqualTo(START + 30_000);
        assertThat(orders.get(1).schedule()).isEqualTo("delayLevel=4");
        assertThat(orders.get(1).queueId()).isZero();
        assertThat(pending.pending("Orders", 1)).hasSize(1);

        String lateId = orders.get(1).uniqueKey();
        assertThat(pending.cancel(lateId)).isTrue();
        assertThat(pending.cancel(lateId)).as("already cancelled").isFalse();
        assertThat(pending.cancel("no-such-id")).isFalse();
        assertThat(pending.pending("Orders", 10))
                .extracting(PendingDelivery::keys)
                .containsExactly("soon");
        assertThat(new DelayProgress(configDir).isCancelled(late.commitLogOffset()))
                .as("the cancellation is on disk")
                .isTrue();

        clock.advanceMillis(60_000);
        assertThat(service.deliverDue()).isEqualTo(2);
        assertThat(store.maxOffset("Orders", 0)).as("cancelled, not delivered").isZero();
        assertThat(progress.isCancelled(late.commitLogOffset()))
                .as("forgotten once passed")
                .isFalse();
        String soonId = orders.get(0).offsetMessageId();
        assertThat(pending.cancel(soonId)).as("already delivered").isFalse();
    }

    @Test
    void aMessageCanBeCancelledByItsOffsetMessageId() {
        park("Orders", 0, 2, "by offset id");
        DelayLevelPendingDeliveries pending = new DelayLevelPendingDeliveries(store, DelayLevels.DEFAULT, progress);
        String offsetId = pending.pending("Orders", 10).get(0).offsetMessageId();

        assertThat(pending.cancel(offsetId.toLowerCase(java.util.Locale.ROOT))).isTrue();
        clock.advanceMillis(5_000);
        service.deliverDue();
        assertThat(store.maxOffset("Orders", 0)).isZero();
    }

    private AppendedRecord park(String topic, int queueId, int level, String key) {
        Message message = Message.builder(topic, queueId)
                .body(("body of " + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .properties(Map.of(
                        MessageConst.DELAY_TIME_LEVEL,
                        Integer.toString(level),
                        MessageConst.KEYS,
                        key,
                        MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY,
                        "UNIQ-" + key))
                .build();
        return store.putMessage(diversion.divert(message)).join().records().get(0);
    }

    private List<StoredMessage> read(String topic, int queueId) {
        List<StoredMessage> messages = new ArrayList<>();
        try (GetResult result = store.getMessages(topic, queueId, 0, 100, MessageFilter.ALL)) {
            for (RecordSlice slice : result.records()) {
                messages.add(MessageDecoder.decode(slice.buffer(), 0));
            }
        }
        return messages;
    }
}
