package io.couriermq.store.memory;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.common.message.codec.RecordEncodingException;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.time.Clock;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.DispatchedEntry;
import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import io.couriermq.store.StoreStats;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MessageStore} in heap memory, for tests of code above the store. Records are encoded with the
 * same codec as on disk, so readers see identical bytes; nothing is durable and nothing expires. One
 * lock serializes everything; dispatch is synchronous, so a message is readable when its put completes.
 */
public final class InMemoryMessageStore implements MessageStore {
    private final Clock clock;
    private final int maxMessageSizeBytes;
    private final ByteBuffer scratch;
    private final NavigableMap<Long, Entry> byCommitLogOffset = new TreeMap<>();
    private final Map<String, List<Entry>> queues = new HashMap<>();
    private final List<DispatchListener> listeners = new CopyOnWriteArrayList<>();
    private long nextCommitLogOffset;
    private long putCount;
    private boolean shutdown;

    public InMemoryMessageStore(Clock clock, int maxMessageSizeBytes) {
        this.clock = clock;
        this.maxMessageSizeBytes = maxMessageSizeBytes;
        this.scratch = ByteBuffer.allocate(maxMessageSizeBytes);
    }

    private record Entry(DispatchedEntry dispatched, ByteBuffer record) {}

    @Override
    public CompletableFuture<PutResult> putMessage(Message message) {
        return putMessages(List.of(message));
    }

    @Override
    public CompletableFuture<PutResult> putMessages(List<Message> batch) {
        List<DispatchedEntry> dispatched = new ArrayList<>();
        PutResult result;
        synchronized (this) {
            result = append(batch, dispatched);
        }
        for (DispatchedEntry entry : dispatched) {
            listeners.forEach(listener -> listener.onDispatch(entry));
        }
        return CompletableFuture.completedFuture(result);
    }

    private PutResult append(List<Message> batch, List<DispatchedEntry> dispatched) {
        if (shutdown) {
            return PutResult.failed(PutStatus.SERVICE_NOT_AVAILABLE, "store is shut down");
        }
        if (batch.isEmpty() || batch.stream().anyMatch(m -> !sameQueue(m, batch.get(0)))) {
            return PutResult.failed(PutStatus.MESSAGE_ILLEGAL, "a batch must be non-empty and target one queue");
        }
        int[] sizes = new int[batch.size()];
        scratch.clear();
        try {
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = MessageEncoder.encode(batch.get(i), scratch, maxMessageSizeBytes - scratch.position());
            }
        } catch (RecordEncodingException e) {
            PutStatus status = e.reason() == RecordEncodingException.Reason.RECORD_TOO_LARGE
                    ? PutStatus.MESSAGE_ILLEGAL
                    : PutStatus.PROPERTIES_SIZE_EXCEEDED;
            return PutResult.failed(status, e.getMessage());
        }
        return store(batch.get(0), sizes, dispatched);
    }

    private PutResult store(Message first, int[] sizes, List<DispatchedEntry> dispatched) {
        List<Entry> queue = queues.computeIfAbsent(key(first.topic(), first.queueId()), k -> new ArrayList<>());
        long storeTimestampMs = clock.millis();
        List<AppendedRecord> records = new ArrayList<>();
        int start = 0;
        for (int size : sizes) {
            long queueOffset = queue.size();
            MessageEncoder.stamp(scratch, start, queueOffset, nextCommitLogOffset, storeTimestampMs);
            ByteBuffer record =
                    ByteBuffer.wrap(scratch.array(), start, size).slice().asReadOnlyBuffer();
            ByteBuffer copy = ByteBuffer.allocate(size).put(record).flip().asReadOnlyBuffer();
            long tagsHash =
                    Message.tagsHashCode(RecordView.at(copy, 0).properties().get(MessageConst.TAGS));
            DispatchedEntry entry = new DispatchedEntry(
                    first.topic(), first.queueId(), queueOffset, nextCommitLogOffset, size, tagsHash, storeTimestampMs);
            Entry stored = new Entry(entry, copy);
            queue.add(stored);
            byCommitLogOffset.put(nextCommitLogOffset, stored);
            records.add(new AppendedRecord(nextCommitLogOffset, queueOffset, size, storeTimestampMs));
            dispatched.add(entry);
            nextCommitLogOffset += size;
            start += size;
            putCount++;
        }
        return PutResult.ok(records);
    }

    @Override
    public synchronized GetResult getMessages(
            String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
        List<Entry> queue = queues.get(key(topic, queueId));
        if (queue == null || queue.isEmpty()) {
            return GetResult.empty(GetStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0);
        }
        long max = queue.size();
        if (offset < 0) {
            return GetResult.empty(GetStatus.OFFSET_TOO_SMALL, 0, 0, max);
        }
        if (offset >= max) {
            return offset == max
                    ? GetResult.empty(GetStatus.OFFSET_OVERFLOW_ONE, offset, 0, max)
                    : GetResult.empty(GetStatus.OFFSET_OVERFLOW_BADLY, max, 0, max);
        }
        List<RecordSlice> found = new ArrayList<>();
        long next = offset;
        for (; next < max && found.size() < maxCount; next++) {
            Entry entry = queue.get((int) next);
            if (filter.matchesTagsHash(entry.dispatched().tagsHash())
                    && filter.matchesRecord(entry.record().duplicate())) {
                found.add(slice(entry));
            }
        }
        GetStatus status = found.isEmpty() ? GetStatus.NO_MATCHED_MESSAGE : GetStatus.FOUND;
        return new GetResult(status, next, 0, max, found);
    }

    @Override
    public synchronized Optional<RecordSlice> readRecord(long commitLogOffset) {
        Entry entry = byCommitLogOffset.get(commitLogOffset);
        return entry == null ? Optional.empty() : Optional.of(slice(entry));
    }

    @Override
    public synchronized long minOffset(String topic, int queueId) {
        return 0;
    }

    @Override
    public synchronized long maxOffset(String topic, int queueId) {
        List<Entry> queue = queues.get(key(topic, queueId));
        return queue == null ? 0 : queue.size();
    }

    @Override
    public synchronized long offsetByTimestamp(String topic, int queueId, long timestampMs) {
        List<Entry> queue = queues.getOrDefault(key(topic, queueId), List.of());
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).dispatched().storeTimestampMs() >= timestampMs) {
                return i;
            }
        }
        return queue.size();
    }

    @Override
    public synchronized long storeTimestampMs(String topic, int queueId, long queueOffset) {
        List<Entry> queue = queues.getOrDefault(key(topic, queueId), List.of());
        return queueOffset < 0 || queueOffset >= queue.size()
                ? -1
                : queue.get((int) queueOffset).dispatched().storeTimestampMs();
    }

    @Override
    public synchronized long earliestStoreTimestampMs() {
        return byCommitLogOffset.isEmpty()
                ? -1
                : byCommitLogOffset.firstEntry().getValue().dispatched().storeTimestampMs();
    }

    @Override
    public synchronized QueryResult queryByKey(
            String topic, String key, int maxCount, long beginTimestampMs, long endTimestampMs) {
        List<RecordSlice> found = new ArrayList<>();
        for (Entry entry : byCommitLogOffset.descendingMap().values()) {
            DispatchedEntry dispatched = entry.dispatched();
            long storedMs = dispatched.storeTimestampMs();
            if (found.size() < maxCount
                    && dispatched.topic().equals(topic)
                    && storedMs >= beginTimestampMs
                    && storedMs <= endTimestampMs
                    && hasKey(entry, key)) {
                found.add(slice(entry));
            }
        }
        Map.Entry<Long, Entry> last = byCommitLogOffset.lastEntry();
        return last == null
                ? new QueryResult(found, 0, 0)
                : new QueryResult(found, last.getValue().dispatched().storeTimestampMs(), last.getKey());
    }

    private static boolean hasKey(Entry entry, String key) {
        Map<String, String> properties = RecordView.at(entry.record(), 0).properties();
        return key.equals(properties.get(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY))
                || Message.splitKeys(properties.get(MessageConst.KEYS)).contains(key);
    }

    /** Nothing to hold: this store never deletes by age. */
    @Override
    public void addRetentionHold(RetentionHold hold) {}

    @Override
    public void addDispatchListener(DispatchListener listener) {
        listeners.add(listener);
    }

    private long queuedEntries() {
        long entries = 0;
        for (List<Entry> queue : queues.values()) {
            entries += queue.size();
        }
        return entries;
    }

    @Override
    public synchronized StoreStats stats() {
        String reason = shutdown ? "store is shut down" : "";
        return new StoreStats(
                0,
                nextCommitLogOffset,
                nextCommitLogOffset,
                nextCommitLogOffset,
                earliestStoreTimestampMs(),
                putCount,
                nextCommitLogOffset,
                0,
                0,
                0.0,
                0.0,
                !shutdown,
                reason,
                0,
                queuedEntries(),
                0, // puts and this read share the monitor: no put holds it while we read
                0,
                0);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    private static RecordSlice slice(Entry entry) {
        return new RecordSlice(entry.record().duplicate(), entry.dispatched().commitLogOffset(), () -> {});
    }

    private static boolean sameQueue(Message a, Message b) {
        return a.topic().equals(b.topic()) && a.queueId() == b.queueId();
    }

    private static String key(String topic, int queueId) {
        return topic + "@" + queueId;
    }
}
