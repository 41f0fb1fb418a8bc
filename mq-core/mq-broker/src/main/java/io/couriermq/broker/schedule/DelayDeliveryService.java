package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.DispatchedEntry;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.PutResult;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers parked delayed messages when they are due: one thread for all levels, each level a timer
 * (the time its queue's head is due). A level's queue is in due-time order (same delay, store-time
 * order), so a round reads a level only from its progress offset up to the first message not yet due.
 * New parked messages arm their level's timer through the dispatch hook; the tick is {@value #TICK_MS} ms.
 *
 * <p>A due message is written to its real topic and queue; the level's progress moves past it only
 * once that write is stored, and is persisted at the end of the round.
 */
public final class DelayDeliveryService extends BackgroundService implements DispatchListener, RetentionHold {
    private static final Logger log = LoggerFactory.getLogger(DelayDeliveryService.class);

    static final long TICK_MS = 100;
    private static final int BATCH = 32;
    private static final long RETRY_AFTER_FAILURE_MS = 1_000;
    private static final long NOTHING_KNOWN = Long.MAX_VALUE;

    private final MessageStore store;
    private final DelayLevels levels;
    private final DelayProgress progress;
    private final Clock clock;
    /** Per level (index level - 1): when to look at the level's queue next; 0 = at once. */
    private final AtomicLongArray nextLookMs;

    public DelayDeliveryService(MessageStore store, DelayLevels levels, DelayProgress progress, Clock clock) {
        super("delay-delivery", TICK_MS);
        this.store = store;
        this.levels = levels;
        this.progress = progress;
        this.clock = clock;
        this.nextLookMs = new AtomicLongArray(levels.count());
    }

    @Override
    protected void runOnce() {
        deliverDue();
    }

    @Override
    protected void onStop() {
        progress.persistIfDirty();
    }

    /**
     * The first undelivered message of every level: with a short {@code fileReservedTime} (1 h) the 2 h
     * level would otherwise lose its messages to retention.
     */
    @Override
    public long heldFromOffset() {
        long lowest = Long.MAX_VALUE;
        for (int level = 1; level <= levels.count(); level++) {
            int queueId = ScheduleTopic.queueIdOf(level);
            long offset = Math.max(progress.offset(level), store.minOffset(ScheduleTopic.NAME, queueId));
            if (offset >= store.maxOffset(ScheduleTopic.NAME, queueId)) {
                continue;
            }
            try (GetResult read = store.getMessages(ScheduleTopic.NAME, queueId, offset, 1, MessageFilter.ALL)) {
                for (RecordSlice slice : read.records()) {
                    lowest = Math.min(lowest, slice.commitLogOffset());
                }
            }
        }
        return lowest;
    }

    @Override
    public String describe() {
        return "delay-level delivery (messages waiting in " + ScheduleTopic.NAME + ")";
    }

    /** A new parked message arms its level's timer. */
    @Override
    public void onDispatch(DispatchedEntry entry) {
        if (ScheduleTopic.NAME.equals(entry.topic()) && entry.queueId() < levels.count()) {
            long due = entry.storeTimestampMs() + levels.delayMs(ScheduleTopic.levelOf(entry.queueId()));
            nextLookMs.accumulateAndGet(entry.queueId(), due, Math::min);
        }
    }

    /** One round: delivers every message due now; returns how many were delivered. */
    public int deliverDue() {
        long now = clock.millis();
        int delivered = 0;
        for (int level = 1; level <= levels.count(); level++) {
            if (nextLookMs.get(level - 1) <= now) {
                delivered += deliverLevel(level, now);
            }
        }
        progress.persistIfDirty();
        return delivered;
    }

    private int deliverLevel(int level, long now) {
        int queueId = ScheduleTopic.queueIdOf(level);
        nextLookMs.set(queueId, NOTHING_KNOWN);
        long offset = Math.max(progress.offset(level), store.minOffset(ScheduleTopic.NAME, queueId));
        int delivered = 0;
        while (true) {
            List<StoredMessage> due = new ArrayList<>();
            long nextOffset;
            try (GetResult read = store.getMessages(ScheduleTopic.NAME, queueId, offset, BATCH, MessageFilter.ALL)) {
                nextOffset = read.nextBeginOffset();
                for (RecordSlice slice : read.records()) {
                    StoredMessage parked = MessageDecoder.decode(slice.buffer(), 0);
                    long dueAt = DelayedMessages.dueAtMs(parked, levels);
                    if (dueAt > now) {
                        nextLookMs.accumulateAndGet(queueId, dueAt, Math::min);
                        nextOffset = parked.queueOffset();
                        break;
                    }
                    due.add(parked);
                }
            }
            if (due.isEmpty()) {
                progress.advance(level, nextOffset);
                return delivered;
            }
            Delivery outcome = deliver(level, due);
            delivered += outcome.delivered();
            if (outcome.failed()) {
                nextLookMs.accumulateAndGet(queueId, now + RETRY_AFTER_FAILURE_MS, Math::min);
                return delivered;
            }
            offset = nextOffset;
        }
    }

    private record Delivery(int delivered, boolean failed) {}

    /**
     * Writes the due messages to their real queues and moves the level past each one stored, in order;
     * stops at the first failed write, which the next look retries.
     */
    private Delivery deliver(int level, List<StoredMessage> due) {
        synchronized (progress) {
            List<CompletableFuture<PutResult>> puts = new ArrayList<>(due.size());
            for (StoredMessage parked : due) {
                puts.add(putUnlessCancelled(parked));
            }
            int delivered = 0;
            for (int i = 0; i < due.size(); i++) {
                StoredMessage parked = due.get(i);
                PutResult result = puts.get(i).join();
                if (result != null && result.records().isEmpty()) { // FLUSH_DISK_TIMEOUT is stored all the same
                    log.warn(
                            "delivering delayed message at commit-log offset {} (level {}) failed: {} {}; will retry",
                            parked.commitLogOffset(),
                            level,
                            result.status(),
                            result.detail());
                    return new Delivery(delivered, true);
                }
                progress.forget(parked.commitLogOffset());
                progress.advance(level, parked.queueOffset() + 1);
                delivered += result == null ? 0 : 1;
            }
            return new Delivery(delivered, false);
        }
    }

    /** The store's future, or a completed null for a cancelled or undeliverable message (skipped). */
    private CompletableFuture<PutResult> putUnlessCancelled(StoredMessage parked) {
        if (progress.isCancelled(parked.commitLogOffset())) {
            log.info("delayed message at commit-log offset {} was cancelled; not delivered", parked.commitLogOffset());
            return CompletableFuture.completedFuture(null);
        }
        Message delivered = DelayedMessages.delivered(parked);
        if (delivered == null) {
            log.warn(
                    "parked message at commit-log offset {} has no valid REAL_TOPIC / REAL_QID; dropped",
                    parked.commitLogOffset());
            return CompletableFuture.completedFuture(null);
        }
        return store.putMessage(delivered);
    }
}
