package io.couriermq.store.recovery;

import io.couriermq.store.checkpoint.AbortMarker;
import io.couriermq.store.checkpoint.Checkpoint;
import io.couriermq.store.checkpoint.CheckpointFile;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import io.couriermq.store.queue.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings loaded files back to a consistent state before the store accepts work:
 *
 * <ol>
 *   <li>check commit-log records from the checkpoint on (CRC too after a crash) and cut the log after
 *       the last valid one;
 *   <li>trim every consume queue to the entries the checkpoint vouches for;
 *   <li>re-dispatch records from the checkpoint, which rewrites the trimmed entries and the index;
 *   <li>set each queue's min offset and the next queue offsets for appends.
 * </ol>
 *
 * Everything before the checkpoint is trusted, so the work depends on the tail, not the store size.
 */
public final class StoreRecovery {
    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final Dispatcher dispatcher;
    private final CheckpointFile checkpointFile;
    private final AbortMarker abortMarker;
    private final boolean checkCrcOnRecover;

    public StoreRecovery(
            CommitLog commitLog,
            ConsumeQueueTable queues,
            Dispatcher dispatcher,
            CheckpointFile checkpointFile,
            AbortMarker abortMarker,
            boolean checkCrcOnRecover) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.dispatcher = dispatcher;
        this.checkpointFile = checkpointFile;
        this.abortMarker = abortMarker;
        this.checkCrcOnRecover = checkCrcOnRecover;
    }

    public RecoveryReport recover() {
        boolean crashed = abortMarker.exists();
        Checkpoint checkpoint = checkpointFile.read();
        long loadedEnd = commitLog.maxOffset();
        long start = clamp(checkpoint.recoveryStartOffset(), commitLog.minOffset(), loadedEnd);
        CommitLogScanner.Scan scan =
                new CommitLogScanner(commitLog.segments(), crashed && checkCrcOnRecover).scanFrom(start);
        long validEnd = scan.validEndOffset();
        commitLog.segments().truncateTo(validEnd, crashed);

        long dispatchFrom = clamp(checkpoint.dispatchedCommitLogOffset(), commitLog.minOffset(), validEnd);
        // a clean stop left nothing after each queue's last entry: only a crash can have, so only then zero it
        queues.all().forEach(queue -> queue.truncateAfterCheckpoint(dispatchFrom, crashed));
        dispatcher.resetDispatchedOffset(dispatchFrom);
        long redispatched = dispatcher.dispatchUpTo(validEnd);
        for (ConsumeQueue queue : queues.all()) {
            queue.correctMinOffset(commitLog.minOffset());
            commitLog.queueOffsets().reset(queue.topic(), queue.queueId(), queue.maxOffset());
        }
        RecoveryReport report =
                new RecoveryReport(crashed, start, validEnd, validEnd - start, scan.records(), redispatched);
        log.info("store recovered: {}", report);
        return report;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(value, max));
    }
}
