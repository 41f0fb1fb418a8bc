package io.couriermq.store.checkpoint;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import java.util.function.LongSupplier;

/**
 * Every {@code flushIntervalConsumeQueue} ms: forces consume queues and index, then records how far the
 * commit log is flushed and dispatched. The order matters: the dispatched offset is read before the
 * queues are forced, so every entry it vouches for is on disk when the checkpoint says so.
 */
public final class CheckpointService extends BackgroundService {
    private final CheckpointFile file;
    private final LongSupplier flushedCommitLogOffset;
    private final LongSupplier dispatchedCommitLogOffset;
    private final Runnable flushQueuesAndIndex;
    private final Clock clock;

    public CheckpointService(
            CheckpointFile file,
            LongSupplier flushedCommitLogOffset,
            LongSupplier dispatchedCommitLogOffset,
            Runnable flushQueuesAndIndex,
            Clock clock,
            long intervalMs) {
        super("checkpoint", intervalMs);
        this.file = file;
        this.flushedCommitLogOffset = flushedCommitLogOffset;
        this.dispatchedCommitLogOffset = dispatchedCommitLogOffset;
        this.flushQueuesAndIndex = flushQueuesAndIndex;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        checkpointNow();
    }

    /** Writes a checkpoint now; also the last step of a clean shutdown. */
    public synchronized Checkpoint checkpointNow() {
        long dispatched = dispatchedCommitLogOffset.getAsLong();
        long flushed = flushedCommitLogOffset.getAsLong();
        flushQueuesAndIndex.run();
        Checkpoint checkpoint = new Checkpoint(flushed, dispatched, clock.millis());
        file.write(checkpoint);
        return checkpoint;
    }
}
