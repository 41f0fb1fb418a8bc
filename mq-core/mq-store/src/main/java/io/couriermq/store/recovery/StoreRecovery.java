package io.couriermq.store.recovery;

import io.couriermq.store.checkpoint.AbortMarker;
import io.couriermq.store.checkpoint.Checkpoint;
import io.couriermq.store.checkpoint.CheckpointFile;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import io.couriermq.store.queue.Dispatcher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings loaded files back to a consistent state before the store accepts work:
 *
 * <ol>
 *   <li>check commit-log records from the checkpoint on (CRC too after a crash) and cut the log after
 *       the last valid one;
 *   <li>hand every consume queue without an exact end the trim to the entries the checkpoint vouches for,
 *       which it applies when first mapped ({@link ConsumeQueue#deferTrim});
 *   <li>re-dispatch records from the checkpoint, which rewrites the trimmed entries and the index (each
 *       queue it writes to applies its trim first);
 *   <li>correct each queue's min offset (a queue still owing its trim takes that with it).
 * </ol>
 *
 * Everything before the checkpoint is trusted, so the work depends on the tail, not the store size; and no
 * consume queue is mapped that the re-dispatch does not write. The next queue offsets for appends are read
 * from each queue when it is first appended to ({@link io.couriermq.store.commitlog.QueueOffsetTable}).
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
        List<ConsumeQueue> all = queues.all();
        for (ConsumeQueue queue : all) {
            // a clean stop left nothing after a queue's last entry: only a crash can have, so only then zero it
            queue.deferTrim(dispatchFrom, crashed, commitLog::contradicts);
        }
        dispatcher.resetDispatchedOffset(dispatchFrom);
        long redispatched = dispatcher.dispatchUpTo(validEnd);
        long commitLogMin = commitLog.minOffset();
        for (ConsumeQueue queue : all) {
            queue.correctMinOffset(commitLogMin);
        }
        RecoveryReport report =
                new RecoveryReport(crashed, start, validEnd, validEnd - start, scan.records(), redispatched);
        log.info(
                "store recovered: {}; {} of {} consume queues left to recover on first use",
                report,
                queues.tailsPending(),
                all.size());
        return report;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(value, max));
    }
}
