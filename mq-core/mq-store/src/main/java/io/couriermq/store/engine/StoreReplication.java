package io.couriermq.store.engine;

import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.LogChunk;
import io.couriermq.store.ReplicaAppendException;
import io.couriermq.store.commitlog.CommitLog;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import io.couriermq.store.queue.Dispatcher;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file store's side of replication: raw reads, raw appends, truncation and append notices. */
final class StoreReplication implements CommitLogReplica {
    private static final Logger log = LoggerFactory.getLogger(StoreReplication.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final Dispatcher dispatcher;
    private final List<LongConsumer> appendListeners = new CopyOnWriteArrayList<>();
    private volatile boolean replicaMode;

    StoreReplication(CommitLog commitLog, ConsumeQueueTable queues, Dispatcher dispatcher) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.dispatcher = dispatcher;
    }

    @Override
    public long maxOffset() {
        return commitLog.maxOffset();
    }

    @Override
    public long minOffset() {
        return commitLog.minOffset();
    }

    @Override
    public int segmentSizeBytes() {
        return commitLog.segments().segmentSizeBytes();
    }

    @Override
    public LogChunk read(long offset, int maxBytes) {
        return commitLog.readChunk(offset, maxBytes);
    }

    @Override
    public long append(long offset, ByteBuffer bytes) {
        if (!replicaMode) {
            throw new ReplicaAppendException("replicated bytes offered to a store that takes puts of its own");
        }
        long end = commitLog.appendReplicated(offset, bytes);
        dispatcher.wakeUp();
        return end;
    }

    @Override
    public void truncateFrom(long offset) {
        if (offset < commitLog.minOffset() || offset > commitLog.maxOffset()) {
            throw new IllegalArgumentException("cannot truncate at " + offset + ": the log holds "
                    + commitLog.minOffset() + ".." + commitLog.maxOffset());
        }
        long before = commitLog.maxOffset();
        dispatcher.truncateFrom(
                offset,
                () -> commitLog.truncateFrom(offset, () -> {
                    for (ConsumeQueue queue : queues.all()) {
                        queue.truncateAfterCheckpoint(offset, true);
                        commitLog.queueOffsets().reset(queue.topic(), queue.queueId(), queue.maxOffset());
                    }
                }));
        log.warn("commit log truncated from offset {} ({} bytes removed)", offset, before - offset);
    }

    @Override
    public void addAppendListener(LongConsumer listener) {
        appendListeners.add(listener);
    }

    void appended(long endOffset) {
        for (LongConsumer listener : appendListeners) {
            listener.accept(endOffset);
        }
    }

    @Override
    public void setReplicaMode(boolean replica) {
        this.replicaMode = replica;
    }

    @Override
    public boolean isReplicaMode() {
        return replicaMode;
    }
}
