package io.couriermq.broker.timer;

import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.broker.pending.PendingDelivery;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.store.MessageStore;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin view of timed messages: the wheel knows which parked copies are waiting and when, the parked
 * records themselves say where they go and what they carry. A message is found for cancellation by its
 * client id (UNIQ_KEY, through the store's key index on the timer topic) or by the offset id of its
 * parked copy.
 */
final class TimerPendingDeliveries implements PendingDeliveries {
    private static final int MAX_KEY_MATCHES = 32;

    private final MessageStore store;
    private final TimerWheel wheel;

    TimerPendingDeliveries(MessageStore store, TimerWheel wheel) {
        this.store = store;
        this.wheel = wheel;
    }

    @Override
    public List<PendingDelivery> pending(String topic, int limit) {
        List<PendingDelivery> found = new ArrayList<>();
        for (TimerEntry entry : wheel.pending(TimerEntry.hashOf(topic), limit)) {
            parked(entry.commitLogOffset())
                    .filter(parked -> topic.equals(parked.message().property(MessageConst.REAL_TOPIC)))
                    .ifPresent(parked -> found.add(view(parked, entry.dueMs())));
        }
        return found;
    }

    @Override
    public boolean cancel(String messageId) {
        List<StoredMessage> candidates = byUniqueKey(messageId);
        if (candidates.isEmpty()) {
            byOffsetId(messageId).ifPresent(candidates::add);
        }
        boolean cancelled = false;
        for (StoredMessage parked : candidates) {
            cancelled |= wheel.cancel(parked.commitLogOffset(), dueOf(parked), parked.queueOffset());
        }
        return cancelled;
    }

    private List<StoredMessage> byUniqueKey(String uniqueKey) {
        List<StoredMessage> found = new ArrayList<>();
        try (QueryResult result = store.queryByKey(TimerTopic.NAME, uniqueKey, MAX_KEY_MATCHES, 0, Long.MAX_VALUE)) {
            for (RecordSlice slice : result.records()) {
                StoredMessage parked = MessageDecoder.decode(slice.buffer(), 0);
                if (uniqueKey.equals(parked.message().uniqueKey())) {
                    found.add(parked);
                }
            }
        }
        return found;
    }

    private Optional<StoredMessage> byOffsetId(String offsetMessageId) {
        long offset;
        try {
            offset = MessageId.decode(offsetMessageId).commitLogOffset();
        } catch (MalformedRecordException e) {
            return Optional.empty();
        }
        return parked(offset);
    }

    /** The timer-topic record at {@code offset}; empty when there is none or it is something else. */
    private Optional<StoredMessage> parked(long offset) {
        Optional<RecordSlice> record;
        try {
            record = store.readRecord(offset);
        } catch (RuntimeException e) {
            return Optional.empty(); // an offset id of another store, pointing into the middle of a record
        }
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try (RecordSlice slice = record.get()) {
            StoredMessage parked = MessageDecoder.decode(slice.buffer(), 0);
            return TimerTopic.NAME.equals(parked.message().topic()) ? Optional.of(parked) : Optional.empty();
        } catch (MalformedRecordException e) {
            return Optional.empty();
        }
    }

    private static long dueOf(StoredMessage parked) {
        try {
            return Long.parseLong(parked.message().property(MessageConst.TIMER_OUT_MS));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PendingDelivery view(StoredMessage parked, long dueMs) {
        Message message = parked.message();
        String queueId = message.property(MessageConst.REAL_QUEUE_ID);
        return new PendingDelivery(
                message.property(MessageConst.REAL_TOPIC),
                queueId == null ? 0 : Integer.parseInt(queueId.trim()),
                message.uniqueKey(),
                MessageId.encode(message.storeHost(), parked.commitLogOffset()),
                dueMs,
                "timer",
                message.tags(),
                message.property(MessageConst.KEYS));
    }
}
