package io.couriermq.store.read;

import io.couriermq.store.GetResult;
import io.couriermq.store.GetStatus;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import io.couriermq.store.queue.QueueEntries;
import java.util.ArrayList;
import java.util.List;

/**
 * The read path of a queue: consume-queue entries from an offset, filtered on the tag hash, resolved to
 * zero-copy slices of the commit log. Offsets whose records retention removed answer OFFSET_TOO_SMALL.
 */
public final class MessageReader {
    /** Entries one read may scan looking for matches, so a selective filter cannot make a read unbounded. */
    private static final int MAX_SCANNED_ENTRIES = 800;

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final int maxTransferCount;
    private final int maxTransferBytes;

    public MessageReader(CommitLog commitLog, ConsumeQueueTable queues, int maxTransferCount, int maxTransferBytes) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.maxTransferCount = maxTransferCount;
        this.maxTransferBytes = maxTransferBytes;
    }

    public GetResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException(
                    "maxCount must be positive, was " + maxCount + " for " + topic + "-" + queueId);
        }
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null || queue.maxOffset() == 0) {
            return GetResult.empty(GetStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (offset < min) {
            return GetResult.empty(GetStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return GetResult.empty(GetStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return GetResult.empty(GetStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        return read(queue, offset, Math.min(maxCount, maxTransferCount), filter, min, max);
    }

    private GetResult read(ConsumeQueue queue, long offset, int maxCount, MessageFilter filter, long min, long max) {
        List<RecordSlice> found = new ArrayList<>();
        int bytes = 0;
        int consumed = 0;
        boolean recordsGone = false;
        try (QueueEntries entries = queue.entries(offset, Math.max(maxCount, MAX_SCANNED_ENTRIES))) {
            if (entries == null) {
                return tooSmall(queue, max);
            }
            for (; consumed < entries.count() && found.size() < maxCount; consumed++) {
                if (entries.isFiller(consumed) || !filter.matchesTagsHash(entries.tagsHash(consumed))) {
                    continue;
                }
                int size = entries.sizeBytes(consumed);
                if (!found.isEmpty() && bytes + size > maxTransferBytes) {
                    break;
                }
                RecordSlice slice = commitLog.read(entries.commitLogOffset(consumed));
                if (slice == null) {
                    recordsGone = true;
                } else if (filter.matchesRecord(slice.buffer())) {
                    found.add(slice);
                    bytes += size;
                } else {
                    slice.close();
                }
            }
        }
        if (!found.isEmpty()) {
            return new GetResult(GetStatus.FOUND, offset + consumed, min, max, found);
        }
        return recordsGone
                ? tooSmall(queue, max)
                : GetResult.empty(GetStatus.NO_MATCHED_MESSAGE, offset + consumed, min, max);
    }

    /** The records (or entries) are gone: point the reader at the first offset whose record still exists. */
    private GetResult tooSmall(ConsumeQueue queue, long max) {
        long firstKept = queue.firstOffsetAtOrAfter(commitLog.minOffset());
        return GetResult.empty(GetStatus.OFFSET_TOO_SMALL, firstKept, firstKept, max);
    }

    public long offsetByTimestamp(String topic, int queueId, long timestampMs) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return 0;
        }
        long low = queue.minOffset();
        long high = queue.maxOffset();
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (storeTimestampMs(queue, middle) >= timestampMs) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    public long storeTimestampMs(String topic, int queueId, long queueOffset) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? -1 : storeTimestampMs(queue, queueOffset);
    }

    private long storeTimestampMs(ConsumeQueue queue, long queueOffset) {
        if (queueOffset < queue.minOffset() || queueOffset >= queue.maxOffset()) {
            return -1;
        }
        try (QueueEntries entry = queue.entries(queueOffset, 1)) {
            if (entry == null || entry.count() == 0 || entry.isFiller(0)) {
                return -1;
            }
            return commitLog.storeTimestampMs(entry.commitLogOffset(0));
        }
    }
}
