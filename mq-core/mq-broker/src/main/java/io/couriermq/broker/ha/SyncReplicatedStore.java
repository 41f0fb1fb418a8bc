package io.couriermq.broker.ha;

import io.couriermq.common.message.Message;
import io.couriermq.common.time.Clock;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.PutStatus;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import io.couriermq.store.StoreStats;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SYNC_MASTER for the puts clients make (sends and replies): a put completes after its flush and a
 * slave's acknowledgement of its end offset. With no slave connected, or the best one further behind than
 * haMaxGapNotInSync, it completes at once with SLAVE_NOT_AVAILABLE; without an acknowledgement within
 * {@code syncFlushTimeout}, with FLUSH_SLAVE_TIMEOUT. Either way the message is stored here. Everything
 * else goes straight to the store.
 */
final class SyncReplicatedStore implements MessageStore {
    private final MessageStore store;
    private final ReplicationServer server;
    private final SyncReplicationWaiters waiters;
    private final ReplicationMetrics metrics;
    private final Clock clock;
    private final long timeoutMs;

    SyncReplicatedStore(
            MessageStore store,
            ReplicationServer server,
            SyncReplicationWaiters waiters,
            ReplicationMetrics metrics,
            Clock clock,
            long timeoutMs) {
        this.store = store;
        this.server = server;
        this.waiters = waiters;
        this.metrics = metrics;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public CompletableFuture<PutResult> putMessage(Message message) {
        return store.putMessage(message).thenCompose(this::confirm);
    }

    @Override
    public CompletableFuture<PutResult> putMessages(List<Message> batch) {
        return store.putMessages(batch).thenCompose(this::confirm);
    }

    private CompletableFuture<PutResult> confirm(PutResult result) {
        if (result.status() != PutStatus.PUT_OK) {
            return CompletableFuture.completedFuture(result);
        }
        long end = result.endCommitLogOffset();
        if (!server.slaveAvailable(end)) {
            metrics.slaveNotAvailable();
            return CompletableFuture.completedFuture(result.withStatus(
                    PutStatus.SLAVE_NOT_AVAILABLE,
                    "stored on the master, but no slave is connected and in sync to confirm it (SYNC_MASTER)"));
        }
        long startNanos = clock.nanos();
        return waiters.await(end, clock.millis() + timeoutMs).thenApply(acknowledged -> {
            metrics.syncWaited(clock.nanos() - startNanos);
            if (acknowledged) {
                return result;
            }
            metrics.flushSlaveTimeout();
            return result.withStatus(
                    PutStatus.FLUSH_SLAVE_TIMEOUT,
                    "stored on the master, but no slave confirmed it within " + timeoutMs + " ms (SYNC_MASTER)");
        });
    }

    @Override
    public GetResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
        return store.getMessages(topic, queueId, offset, maxCount, filter);
    }

    @Override
    public Optional<RecordSlice> readRecord(long commitLogOffset) {
        return store.readRecord(commitLogOffset);
    }

    @Override
    public long minOffset(String topic, int queueId) {
        return store.minOffset(topic, queueId);
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        return store.maxOffset(topic, queueId);
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestampMs) {
        return store.offsetByTimestamp(topic, queueId, timestampMs);
    }

    @Override
    public long storeTimestampMs(String topic, int queueId, long queueOffset) {
        return store.storeTimestampMs(topic, queueId, queueOffset);
    }

    @Override
    public long earliestStoreTimestampMs() {
        return store.earliestStoreTimestampMs();
    }

    @Override
    public QueryResult queryByKey(String topic, String key, int maxCount, long beginTimestampMs, long endTimestampMs) {
        return store.queryByKey(topic, key, maxCount, beginTimestampMs, endTimestampMs);
    }

    @Override
    public void addDispatchListener(DispatchListener listener) {
        store.addDispatchListener(listener);
    }

    @Override
    public void addRetentionHold(RetentionHold hold) {
        store.addRetentionHold(hold);
    }

    @Override
    public StoreStats stats() {
        return store.stats();
    }

    /** The broker owns the store's lifecycle; this view never shuts it down. */
    @Override
    public void shutdown() {}
}
