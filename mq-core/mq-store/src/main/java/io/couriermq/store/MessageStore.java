package io.couriermq.store;

import io.couriermq.common.message.Message;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The storage engine as the broker sees it. Every method is thread-safe.
 *
 * <p>Visibility: a put's future completes once the record is appended (and, with SYNC_FLUSH, forced); it
 * becomes readable through {@link #getMessages} once the dispatcher has written its consume-queue entry,
 * which {@link #addDispatchListener listeners} are told about. {@link #readRecord} sees it at once.
 *
 * <p>Returned {@link RecordSlice}s, {@link GetResult}s and {@link QueryResult}s pin mapped segments and
 * must be closed.
 */
public interface MessageStore extends AutoCloseable {

    /** Appends one message; the future never completes exceptionally (failures are statuses). */
    CompletableFuture<PutResult> putMessage(Message message);

    /**
     * Appends messages of one topic and queue as consecutive records with consecutive queue offsets, all
     * or nothing (SEND_BATCH_MESSAGE).
     */
    CompletableFuture<PutResult> putMessages(List<Message> batch);

    /**
     * Up to {@code maxCount} messages of a queue from {@code offset} that pass the filter (also capped by
     * {@code maxTransferBytesOnMessageInMemory}).
     */
    GetResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter);

    /** The record at a commit-log offset (VIEW_MESSAGE_BY_ID, send-back, end transaction). */
    Optional<RecordSlice> readRecord(long commitLogOffset);

    /** First readable offset of a queue; 0 for an unknown queue. */
    long minOffset(String topic, int queueId);

    /** Offset the next message of the queue will get; 0 for an unknown queue. */
    long maxOffset(String topic, int queueId);

    /**
     * The first offset whose message was stored at or after {@code timestampMs}: the min offset for a time
     * before everything, the max offset for a time after everything.
     */
    long offsetByTimestamp(String topic, int queueId, long timestampMs);

    /** Store time of the message at a queue offset, or -1 if there is none. */
    long storeTimestampMs(String topic, int queueId, long queueOffset);

    /** Store time of the oldest message kept, or -1 when the store is empty. */
    long earliestStoreTimestampMs();

    /**
     * Messages of {@code topic} whose KEYS contain {@code key} or whose UNIQ_KEY is {@code key}, stored
     * within {@code [beginTimestampMs, endTimestampMs]}, newest first, at most {@code maxCount}.
     */
    QueryResult queryByKey(String topic, String key, int maxCount, long beginTimestampMs, long endTimestampMs);

    /** Registers a hook called for every dispatched consume-queue entry (long polling). */
    void addDispatchListener(DispatchListener listener);

    /** Registers a part that age-based retention must not delete records from under. */
    void addRetentionHold(RetentionHold hold);

    StoreStats stats();

    /** Flushes, checkpoints and releases files; puts afterwards return SERVICE_NOT_AVAILABLE. */
    void shutdown();

    @Override
    default void close() {
        shutdown();
    }
}
