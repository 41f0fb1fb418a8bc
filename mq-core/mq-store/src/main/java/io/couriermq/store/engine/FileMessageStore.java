package io.couriermq.store.engine;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.RecordEncodingException;
import io.couriermq.common.time.Clock;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.QueryResult;
import io.couriermq.store.QueueEntriesView;
import io.couriermq.store.QueueEntry;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import io.couriermq.store.RetentionPolicy;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.StoreException;
import io.couriermq.store.StoreMaintenance;
import io.couriermq.store.StoreStats;
import io.couriermq.store.commitlog.AppendResult;
import io.couriermq.store.file.DiskSpace;
import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.file.StoreIoException;
import io.couriermq.store.flush.FlushStats;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.QueueEntries;
import io.couriermq.store.recovery.RecoveryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory-mapped file store: a facade over commit log, flush, dispatcher, consume queues, index,
 * checkpoint, recovery and retention ({@link StoreParts}). {@link #open} recovers and starts it.
 */
public final class FileMessageStore implements MessageStore, StoreMaintenance {
    private static final Logger log = LoggerFactory.getLogger(FileMessageStore.class);

    private final StoreParts parts;
    private final Clock clock;
    private final RecoveryReport recoveryReport;
    private final PutStats putStats = new PutStats();
    /** Puts hold it shared; shutdown takes it exclusively so no append touches a segment being unmapped. */
    private final ReentrantReadWriteLock lifecycleLock = new ReentrantReadWriteLock();

    private boolean stopped;

    private FileMessageStore(StoreParts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
        this.recoveryReport = parts.recovery.recover();
        parts.abortMarker.create();
        parts.startServices();
    }

    /** Opens the store under {@code config.storePathRootDir()}: loads, recovers and starts it. */
    public static FileMessageStore open(StoreConfig config, Clock clock) {
        return open(config, clock, SegmentFiles.standard(), DiskSpace.standard());
    }

    /** As {@link #open(StoreConfig, Clock)} with the file-system seams given (tests inject failures). */
    public static FileMessageStore open(StoreConfig config, Clock clock, SegmentFiles files, DiskSpace diskSpace) {
        return new FileMessageStore(new StoreParts(config, clock, files, diskSpace), clock);
    }

    /** Raw log access for the broker's replication service. */
    public CommitLogReplica replication() {
        return parts.replication;
    }

    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    @Override
    public CompletableFuture<PutResult> putMessage(Message message) {
        return put(List.of(message));
    }

    @Override
    public CompletableFuture<PutResult> putMessages(List<Message> batch) {
        if (batch.isEmpty()) {
            return failed(PutStatus.MESSAGE_ILLEGAL, "empty batch");
        }
        Message first = batch.get(0);
        for (Message message : batch) {
            if (!message.topic().equals(first.topic()) || message.queueId() != first.queueId()) {
                return failed(
                        PutStatus.MESSAGE_ILLEGAL,
                        "a batch must target one queue: " + first.topic() + "-" + first.queueId() + " and "
                                + message.topic() + "-" + message.queueId());
            }
        }
        return put(batch);
    }

    private CompletableFuture<PutResult> put(List<Message> batch) {
        if (!lifecycleLock.readLock().tryLock()) {
            return failed(PutStatus.SERVICE_NOT_AVAILABLE, "store is shutting down");
        }
        try {
            String refusal = parts.health.refusalReason();
            if (refusal != null) {
                return failed(PutStatus.SERVICE_NOT_AVAILABLE, refusal);
            }
            if (parts.replication.isReplicaMode()) {
                return failed(
                        PutStatus.SERVICE_NOT_AVAILABLE,
                        "this store is a replica: its log is written by replication only");
            }
            long startNanos = clock.nanos();
            AppendResult appended = parts.commitLog.appendBatch(batch);
            parts.health.ioSucceeded();
            putStats.record(batch.size(), totalBytes(appended.records()), clock.nanos() - startNanos);
            parts.dispatcher.wakeUp();
            parts.replication.appended(appended.endOffset());
            return parts.flushService
                    .awaitDurable(appended.endOffset())
                    .thenApply(status -> status == PutStatus.PUT_OK
                            ? PutResult.ok(appended.records())
                            : new PutResult(status, appended.records(), "not forced within the sync flush timeout"));
        } catch (RecordEncodingException e) {
            return failed(statusOf(e.reason()), e.getMessage());
        } catch (StoreIoException e) {
            parts.health.ioFailed(e.getMessage());
            return failed(PutStatus.SERVICE_NOT_AVAILABLE, e.getMessage());
        } finally {
            lifecycleLock.readLock().unlock();
        }
    }

    private static PutStatus statusOf(RecordEncodingException.Reason reason) {
        return reason == RecordEncodingException.Reason.RECORD_TOO_LARGE
                ? PutStatus.MESSAGE_ILLEGAL
                : PutStatus.PROPERTIES_SIZE_EXCEEDED;
    }

    private static long totalBytes(List<AppendedRecord> records) {
        long bytes = 0;
        for (AppendedRecord record : records) {
            bytes += record.sizeBytes();
        }
        return bytes;
    }

    private static CompletableFuture<PutResult> failed(PutStatus status, String detail) {
        return CompletableFuture.completedFuture(PutResult.failed(status, detail));
    }

    @Override
    public GetResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
        return parts.reader.getMessages(topic, queueId, offset, maxCount, filter);
    }

    @Override
    public Optional<RecordSlice> readRecord(long commitLogOffset) {
        if (commitLogOffset >= parts.commitLog.maxOffset()) {
            return Optional.empty();
        }
        return Optional.ofNullable(parts.commitLog.read(commitLogOffset));
    }

    @Override
    public long minOffset(String topic, int queueId) {
        var queue = parts.queues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        var queue = parts.queues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestampMs) {
        return parts.reader.offsetByTimestamp(topic, queueId, timestampMs);
    }

    @Override
    public long storeTimestampMs(String topic, int queueId, long queueOffset) {
        return parts.reader.storeTimestampMs(topic, queueId, queueOffset);
    }

    @Override
    public long earliestStoreTimestampMs() {
        return parts.commitLog.storeTimestampMs(parts.commitLog.minOffset());
    }

    @Override
    public QueryResult queryByKey(String topic, String key, int maxCount, long beginTimestampMs, long endTimestampMs) {
        return parts.keyQuery.query(topic, key, maxCount, beginTimestampMs, endTimestampMs);
    }

    @Override
    public void addDispatchListener(DispatchListener listener) {
        parts.dispatcher.addListener(listener);
    }

    @Override
    public void addRetentionHold(RetentionHold hold) {
        parts.retention.addHold(hold);
    }

    @Override
    public StoreStats stats() {
        FlushStats flush = parts.flushService.stats();
        String problem = parts.health.problem();
        return new StoreStats(
                parts.commitLog.minOffset(),
                parts.commitLog.maxOffset(),
                parts.commitLog.flushedOffset(),
                parts.dispatcher.dispatchedOffset(),
                earliestStoreTimestampMs(),
                putStats.messages(),
                putStats.bytes(),
                putStats.maxLatencyMicros(),
                flush.forceCount(),
                flush.appendsPerForce(),
                parts.health.diskUsedRatio(),
                parts.health.refusalReason() == null,
                problem,
                flush.forceNanosTotal(),
                consumeQueueEntries(),
                parts.commitLog.appendLockHeldMs(),
                parts.queues.mappedFiles(),
                parts.queues.parkedCount());
    }

    /** Queues whose tail is still to be recovered are left out: counting them would map every one. */
    private long consumeQueueEntries() {
        long entries = 0;
        for (ConsumeQueue queue : parts.queues.all()) {
            if (!queue.tailPending()) {
                entries += Math.max(0, queue.maxOffset() - queue.minOffset());
            }
        }
        return entries;
    }

    /** Runs a retention round now (admin "delete expired files" and tests); returns segments deleted. */
    public int runRetentionNow() {
        return parts.retention.runRound();
    }

    @Override
    public RetentionPolicy retentionPolicy() {
        return parts.retention.policy();
    }

    @Override
    public void updateRetentionPolicy(RetentionPolicy policy) {
        parts.retention.updatePolicy(policy);
        log.info("retention policy of {} is now {}", parts.config.storePathRootDir(), policy);
    }

    @Override
    public int deleteExpiredCommitLogNow() {
        return parts.retention.deleteExpiredNow();
    }

    @Override
    public int cleanExpiredConsumeQueues() {
        return parts.retention.dropExpiredQueueFiles();
    }

    @Override
    public int cleanUnusedTopics(Predicate<String> inUse) {
        int removed = 0;
        for (String topic : parts.queues.topics().stream().sorted().toList()) {
            // asked again while no record is dispatched: a topic created meanwhile keeps its queues
            int files = parts.dispatcher.whilePaused(() -> inUse.test(topic) ? -1 : parts.queues.removeTopic(topic));
            if (files >= 0) {
                removed++;
                log.info("deleted the consume queues of unused topic {} ({} files)", topic, files);
            }
        }
        return removed;
    }

    @Override
    public Optional<QueueEntriesView> queueEntries(String topic, int queueId, long fromOffset, int maxCount) {
        ConsumeQueue queue = parts.queues.find(topic, queueId);
        if (queue == null) {
            return Optional.empty();
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        List<QueueEntry> entries = new ArrayList<>();
        long offset = fromOffset < min ? max : fromOffset; // below the first kept entry: nothing, as RocketMQ
        while (entries.size() < maxCount && offset < max) {
            try (QueueEntries run = queue.entries(offset, maxCount - entries.size())) {
                if (run == null || run.count() == 0) {
                    break;
                }
                for (int i = 0; i < run.count(); i++) {
                    entries.add(new QueueEntry(offset + i, run.commitLogOffset(i), run.sizeBytes(i), run.tagsHash(i)));
                }
                offset += run.count();
            }
        }
        return Optional.of(new QueueEntriesView(min, max, entries));
    }

    /** Writes a checkpoint now (tests; a clean shutdown does this itself). */
    public void checkpointNow() {
        parts.checkpointService.checkpointNow();
    }

    /**
     * Flushes everything, dispatches what is left, writes a final checkpoint and where every consume queue
     * ends, and removes the abort marker, so the next start trusts both and checks nothing.
     */
    @Override
    public void shutdown() {
        if (!stop()) {
            return;
        }
        try {
            parts.dispatcher.dispatchUpTo(parts.commitLog.maxOffset());
            parts.commitLog.flush();
            parts.checkpointService.checkpointNow();
            parts.queues.writeEnds();
            parts.abortMarker.delete();
            log.info("store at {} shut down cleanly", parts.config.storePathRootDir());
        } catch (StoreException e) {
            log.error(
                    "store at {} could not shut down cleanly; the next start recovers as after a crash",
                    parts.config.storePathRootDir(),
                    e);
        } finally {
            parts.closeFiles();
        }
    }

    /**
     * Stops without the clean-shutdown steps: no final checkpoint, the abort marker stays, so the next
     * start recovers as after a crash. For fatal errors, and for recovery tests in one JVM.
     */
    public void halt() {
        if (stop()) {
            parts.closeFiles();
            log.warn("store at {} halted without a clean shutdown", parts.config.storePathRootDir());
        }
    }

    private boolean stop() {
        lifecycleLock.writeLock().lock();
        try {
            if (stopped) {
                return false;
            }
            stopped = true;
            parts.health.markShutdown();
        } finally {
            lifecycleLock.writeLock().unlock();
        }
        parts.stopServices();
        return true;
    }
}
