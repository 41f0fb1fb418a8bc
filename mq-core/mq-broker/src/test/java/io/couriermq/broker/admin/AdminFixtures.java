package io.couriermq.broker.admin;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.Message;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.QueryResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import io.couriermq.store.StoreStats;
import io.couriermq.store.memory.InMemoryMessageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared pieces of the admin and processor tests: config, requests, a context, and a store that counts slices. */
public final class AdminFixtures {
    private AdminFixtures() {}

    public static BrokerConfig config() {
        return BrokerSettingsLoader.load(Map.of(), Path.of("unused"), "127.0.0.1")
                .broker();
    }

    public static RemotingCommand request(RequestCode code, CommandHeader header) {
        return RemotingCommand.request(code).header(header).build();
    }

    public static Message message(String topic, int queueId, String keys, String uniqueKey) {
        Message.Builder builder = Message.builder(topic, queueId).body("hello".getBytes(StandardCharsets.UTF_8));
        if (keys != null) {
            builder.keys(keys);
        }
        if (uniqueKey != null) {
            builder.property("UNIQ_KEY", uniqueKey);
        }
        return builder.build();
    }

    /** A context for processors that answer from {@code process}; a deferred answer would fail the test. */
    public static final class DirectContext implements RequestContext {
        @Override
        public RemotingChannel channel() {
            return null;
        }

        @Override
        public void respond(RemotingCommand response) {
            throw new AssertionError("these processors answer directly, not later: " + response);
        }
    }

    /**
     * An in-memory store whose slices count how many were handed out and how many closed, and whose min
     * offset can be raised (as retention would).
     */
    public static final class TrackingStore implements MessageStore {
        private final InMemoryMessageStore delegate;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();
        private volatile long minOffset;
        private volatile double diskUsedRatio;

        public TrackingStore(Clock clock) {
            this.delegate = new InMemoryMessageStore(clock, 64 * 1024);
        }

        public int openSlices() {
            return opened.get() - closed.get();
        }

        public int slicesHandedOut() {
            return opened.get();
        }

        public void raiseMinOffset(long offset) {
            this.minOffset = offset;
        }

        public void put(Message message) {
            delegate.putMessage(message).join();
        }

        private RecordSlice tracked(RecordSlice slice) {
            opened.incrementAndGet();
            return new RecordSlice(slice.buffer(), slice.commitLogOffset(), () -> {
                slice.close();
                closed.incrementAndGet();
            });
        }

        @Override
        public CompletableFuture<PutResult> putMessage(Message message) {
            return delegate.putMessage(message);
        }

        @Override
        public CompletableFuture<PutResult> putMessages(List<Message> batch) {
            return delegate.putMessages(batch);
        }

        @Override
        public GetResult getMessages(String topic, int queueId, long offset, int maxCount, MessageFilter filter) {
            GetResult result = delegate.getMessages(topic, queueId, offset, maxCount, filter);
            return new GetResult(
                    result.status(),
                    result.nextBeginOffset(),
                    result.minOffset(),
                    result.maxOffset(),
                    result.records().stream().map(this::tracked).toList());
        }

        @Override
        public Optional<RecordSlice> readRecord(long commitLogOffset) {
            return delegate.readRecord(commitLogOffset).map(this::tracked);
        }

        @Override
        public long minOffset(String topic, int queueId) {
            return Math.min(Math.max(minOffset, delegate.minOffset(topic, queueId)), maxOffset(topic, queueId));
        }

        @Override
        public long maxOffset(String topic, int queueId) {
            return delegate.maxOffset(topic, queueId);
        }

        @Override
        public long offsetByTimestamp(String topic, int queueId, long timestampMs) {
            return Math.max(minOffset(topic, queueId), delegate.offsetByTimestamp(topic, queueId, timestampMs));
        }

        @Override
        public long storeTimestampMs(String topic, int queueId, long queueOffset) {
            return queueOffset < minOffset(topic, queueId)
                    ? -1
                    : delegate.storeTimestampMs(topic, queueId, queueOffset);
        }

        @Override
        public long earliestStoreTimestampMs() {
            return delegate.earliestStoreTimestampMs();
        }

        @Override
        public QueryResult queryByKey(
                String topic, String key, int maxCount, long beginTimestampMs, long endTimestampMs) {
            QueryResult result = delegate.queryByKey(topic, key, maxCount, beginTimestampMs, endTimestampMs);
            return new QueryResult(
                    result.records().stream().map(this::tracked).toList(),
                    result.indexLastUpdateTimestampMs(),
                    result.indexLastUpdateCommitLogOffset());
        }

        @Override
        public void addDispatchListener(DispatchListener listener) {
            delegate.addDispatchListener(listener);
        }

        @Override
        public void addRetentionHold(RetentionHold hold) {
            delegate.addRetentionHold(hold);
        }

        /** Reports {@code ratio} as the disk's used ratio (the in-memory store has no disk: 0). */
        public void diskUsedRatio(double ratio) {
            this.diskUsedRatio = ratio;
        }

        @Override
        public StoreStats stats() {
            StoreStats s = delegate.stats();
            return new StoreStats(
                    s.commitLogMinOffset(),
                    s.commitLogMaxOffset(),
                    s.flushedOffset(),
                    s.dispatchedOffset(),
                    s.earliestStoreTimestampMs(),
                    s.putCount(),
                    s.putBytes(),
                    s.putLatencyMaxMicros(),
                    s.forceCount(),
                    s.appendsPerForce(),
                    diskUsedRatio,
                    s.writable(),
                    s.notWritableReason(),
                    s.forceNanosTotal(),
                    s.consumeQueueEntries(),
                    s.appendLockHeldMs(),
                    s.mappedConsumeQueueFiles(),
                    s.consumeQueueParks());
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }
    }
}
