package io.couriermq.store.queue;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.codec.RecordCheck;
import io.couriermq.common.message.codec.RecordLayout;
import io.couriermq.common.message.codec.RecordValidator;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.DispatchedEntry;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.file.MappedFile;
import io.couriermq.store.file.StoreIoException;
import io.couriermq.store.index.IndexService;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the commit log and, for each new record, writes its consume-queue entry and index entries, then
 * tells the listeners (long polling). The only writer of consume queues and the index.
 */
public final class Dispatcher extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final List<DispatchListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long dispatchedOffset;
    private long reportedCorruptOffset = -1;
    private long dispatchedRecords;
    private String stallReason;

    public Dispatcher(CommitLog commitLog, ConsumeQueueTable queues, IndexService index, long intervalMs) {
        super("dispatcher", intervalMs);
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
    }

    public void addListener(DispatchListener listener) {
        listeners.add(listener);
    }

    /** Every record below this offset has its consume-queue and index entries. */
    public long dispatchedOffset() {
        return dispatchedOffset;
    }

    /** Recovery: where dispatching resumes. */
    public void resetDispatchedOffset(long offset) {
        dispatchedOffset = offset;
    }

    /**
     * Replication: runs {@code cut} (which removes log bytes and queue entries from {@code offset} on)
     * while no dispatch round runs, then dispatches again from there.
     */
    public synchronized void truncateFrom(long offset, Runnable cut) {
        cut.run();
        dispatchedOffset = Math.min(dispatchedOffset, offset);
    }

    /** Runs {@code work} while no dispatch round runs (an admin removing consume queues). */
    public synchronized <T> T whilePaused(Supplier<T> work) {
        return work.get();
    }

    /** A queue or index file that cannot be created stalls dispatch; it is retried every round. */
    @Override
    protected void runOnce() {
        try {
            dispatchUpTo(commitLog.maxOffset());
            if (stallReason != null) {
                log.warn("dispatch resumed at commit-log offset {}", dispatchedOffset);
                stallReason = null;
            }
        } catch (StoreIoException e) {
            if (!e.getMessage().equals(stallReason)) {
                log.error("dispatch stalled at commit-log offset {}: {}", dispatchedOffset, e.getMessage());
                stallReason = e.getMessage();
            }
        }
    }

    /** Dispatches records up to {@code endOffset}; returns how many. Also used by recovery. */
    public synchronized long dispatchUpTo(long endOffset) {
        long recordsBefore = dispatchedRecords;
        while (dispatchedOffset < endOffset) {
            MappedFile segment = commitLog.segments().retainByOffset(dispatchedOffset);
            if (segment == null) {
                if (dispatchedOffset < commitLog.minOffset()) {
                    dispatchedOffset = commitLog.minOffset();
                    continue;
                }
                break;
            }
            try {
                int reached = dispatchSegment(segment, (int) (dispatchedOffset - segment.startOffset()));
                dispatchedOffset = segment.startOffset() + reached;
                if (reached < segment.sizeBytes()) {
                    break;
                }
            } finally {
                segment.release();
            }
        }
        return dispatchedRecords - recordsBefore;
    }

    /** Dispatches records of one segment from {@code position}; returns the position reached. */
    private int dispatchSegment(MappedFile segment, int position) {
        ByteBuffer buffer = segment.reader();
        int limit = segment.writePosition();
        while (position < limit) {
            RecordCheck check = RecordValidator.check(buffer, position, limit, false);
            switch (check.kind()) {
                case RECORD -> {
                    dispatch(RecordView.at(buffer, position), segment.startOffset() + position, check.sizeBytes());
                    dispatchedRecords++;
                    position += check.sizeBytes();
                }
                case BLANK -> position = segment.sizeBytes();
                case END_OF_DATA, CORRUPT -> {
                    if (!isIncompleteTail(buffer, position, limit, segment.sizeBytes())) {
                        reportCorrupt(segment, position, check);
                    }
                    return position;
                }
            }
        }
        return position;
    }

    /**
     * A record whose first bytes are written but not yet the rest: normal on a slave, where the master's
     * bytes arrive in chunks that end anywhere. Dispatch waits for the rest instead of reporting it.
     */
    private static boolean isIncompleteTail(ByteBuffer buffer, int position, int limit, int segmentSize) {
        if (limit - position < RecordLayout.BLANK_MARKER_BYTES) {
            return true;
        }
        int size = buffer.getInt(position + RecordLayout.TOTAL_SIZE_OFFSET);
        int magic = buffer.getInt(position + RecordLayout.MAGIC_OFFSET);
        return RecordLayout.topicLengthBytes(magic) >= 0 && size > limit - position && size <= segmentSize - position;
    }

    private void dispatch(RecordView record, long commitLogOffset, int sizeBytes) {
        // Three lookups in the properties string instead of a decoded map: the map (a dozen substrings and
        // entries per record) was a third of the dispatch thread under batch load (issue 15).
        String properties = record.propertiesString();
        String topic = record.topic();
        DispatchedEntry entry = new DispatchedEntry(
                topic,
                record.queueId(),
                record.queueOffset(),
                commitLogOffset,
                sizeBytes,
                Message.tagsHashCode(MessageProperties.find(properties, MessageConst.TAGS)),
                record.storeTimestampMs());
        boolean written = queues.findOrCreate(topic, entry.queueId())
                .put(entry.queueOffset(), commitLogOffset, sizeBytes, entry.tagsHash());
        if (!written) {
            return;
        }
        index.put(
                topic,
                Message.splitKeys(MessageProperties.find(properties, MessageConst.KEYS)),
                MessageProperties.find(properties, MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY),
                commitLogOffset,
                entry.storeTimestampMs());
        notifyListeners(entry);
    }

    private void notifyListeners(DispatchedEntry entry) {
        for (DispatchListener listener : listeners) {
            try {
                listener.onDispatch(entry);
            } catch (RuntimeException e) {
                log.warn(
                        "dispatch listener failed for {}-{} offset {}",
                        entry.topic(),
                        entry.queueId(),
                        entry.queueOffset(),
                        e);
            }
        }
    }

    /** Written bytes that are not a record mean a bug or a damaged disk: say so once, loudly. */
    private void reportCorrupt(MappedFile segment, int position, RecordCheck check) {
        long offset = segment.startOffset() + position;
        if (offset != reportedCorruptOffset) {
            reportedCorruptOffset = offset;
            log.error(
                    "dispatch stopped at commit-log offset {} in {}: {} {}",
                    offset,
                    segment.path(),
                    check.kind(),
                    check.detail());
        }
    }
}
