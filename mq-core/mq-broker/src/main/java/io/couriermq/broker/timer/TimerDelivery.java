package io.couriermq.broker.timer;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MalformedRecordException;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes due parked messages to their destination: REAL_TOPIC / REAL_QID, a new offset and store time,
 * without the REAL_* properties; as on the official broker the timer properties stay (informative) and
 * TIMER_ENQUEUE_MS / TIMER_DEQUEUE_MS record when it was parked and when it was delivered.
 */
final class TimerDelivery {
    private static final Logger log = LoggerFactory.getLogger(TimerDelivery.class);

    private final MessageStore store;

    TimerDelivery(MessageStore store) {
        this.store = store;
    }

    /**
     * Delivers the entries and returns those that could not be stored, to be retried. All appends are
     * issued (in due order) before any is awaited. A parked record that is gone or unreadable cannot be
     * delivered by anyone: it is logged and dropped.
     */
    List<TimerEntry> deliver(List<TimerEntry> entries, long nowMs) {
        List<CompletableFuture<PutResult>> puts = new ArrayList<>(entries.size());
        for (TimerEntry entry : entries) {
            Message message = deliverable(entry, nowMs);
            puts.add(message == null ? CompletableFuture.completedFuture(null) : store.putMessage(message));
        }
        List<TimerEntry> failed = new ArrayList<>();
        for (int i = 0; i < puts.size(); i++) {
            PutResult result = puts.get(i).join();
            if (result != null && !result.isOk()) {
                log.warn(
                        "timer delivery of the message parked at offset {} failed ({} {}); retrying",
                        entries.get(i).commitLogOffset(),
                        result.status(),
                        result.detail());
                failed.add(entries.get(i));
            }
        }
        return failed;
    }

    private Message deliverable(TimerEntry entry, long nowMs) {
        Optional<RecordSlice> record = store.readRecord(entry.commitLogOffset());
        if (record.isEmpty()) {
            log.error("timed message parked at offset {} is no longer in the store; dropped", entry.commitLogOffset());
            return null;
        }
        try (RecordSlice slice = record.get()) {
            return delivered(MessageDecoder.decode(slice.buffer(), 0), nowMs);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            log.error(
                    "timed message parked at offset {} cannot be delivered: {}", entry.commitLogOffset(), e.toString());
            return null;
        }
    }

    /** The copy to store in the destination queue. */
    static Message delivered(StoredMessage parked, long nowMs) {
        Message message = parked.message();
        String topic = message.property(MessageConst.REAL_TOPIC);
        String queueId = message.property(MessageConst.REAL_QUEUE_ID);
        if (topic == null || queueId == null) {
            throw new IllegalArgumentException("parked message has no REAL_TOPIC / REAL_QID: " + message);
        }
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.remove(MessageConst.REAL_TOPIC);
        properties.remove(MessageConst.REAL_QUEUE_ID);
        properties.put(MessageConst.TIMER_ENQUEUE_MS, Long.toString(parked.storeTimestampMs()));
        properties.put(MessageConst.TIMER_DEQUEUE_MS, Long.toString(nowMs));
        return message.toBuilder()
                .topic(topic)
                .queueId(Integer.parseInt(queueId.trim()))
                .properties(properties)
                .build();
    }
}
