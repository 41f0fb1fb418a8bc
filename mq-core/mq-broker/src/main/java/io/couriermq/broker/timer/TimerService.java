package io.couriermq.broker.timer;

import io.couriermq.broker.pending.PendingDeliveries;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.TimerCheckpointBody;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.DispatchedEntry;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.MessageStore;
import io.couriermq.store.RecordSlice;
import io.couriermq.store.RetentionHold;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer thread. Each round it indexes what was parked in the timer topic since the last round,
 * delivers what is due, and now and then persists its progress (index files forced, then the cursor and
 * the enqueue offset written atomically). It runs every few milliseconds and is woken when a parked
 * message is dispatched. After a restart it resumes from the persisted progress: messages parked after
 * the persisted enqueue offset are indexed again (deduplicated), and those delivered after the persisted
 * cursor are delivered again, so a crash may repeat the last few deliveries but never loses one. Retention
 * keeps what the index still names ({@link #heldFromOffset}).
 */
public final class TimerService extends BackgroundService implements DispatchListener, RetentionHold {
    private static final Logger log = LoggerFactory.getLogger(TimerService.class);
    private static final int READ_BATCH = 256;
    private static final int DELIVER_BATCH = 512;
    private static final long BUSY_CHECKPOINT_MS = 1_000;
    private static final long IDLE_CHECKPOINT_MS = 10_000;
    private static final int INDEX_PER_ROUND = 4 * READ_BATCH;
    private static final int PREFETCH_PER_ROUND = 4_096;
    private static final long SLOW_ROUND_MS = 50;

    private final MessageStore store;
    private final Clock clock;
    private final AtomicJsonFile checkpointFile;
    private final TimerWheel wheel;
    private final TimerDelivery delivery;
    private boolean dirty;
    private long lastCheckpointMs;
    /** The checkpoint on disk and its write count, read by other threads for replication answers. */
    private volatile TimerCheckpoint lastPersisted;

    private final AtomicLong checkpointsWritten = new AtomicLong();

    private volatile boolean delivering = true;

    /**
     * @param directory where the index windows, the checkpoint and the cancellations live
     * @param roundIntervalMs the longest a due message waits for a round (the precision floor)
     */
    public TimerService(MessageStore store, Clock clock, Path directory, long roundIntervalMs) {
        super("timer-deliverer", roundIntervalMs);
        this.store = store;
        this.clock = clock;
        this.checkpointFile = new AtomicJsonFile(directory.resolve("checkpoint.json"));
        TimerCheckpoint from = checkpointFile.read(TimerCheckpoint.class).orElseGet(this::fresh);
        this.wheel = new TimerWheel(
                new TimerIndexFiles(directory.resolve("windows")),
                new TimerCancellations(directory.resolve("cancelled.json")),
                from);
        this.delivery = new TimerDelivery(store);
        this.lastCheckpointMs = clock.millis();
        this.lastPersisted = from;
        log.info("timer resumes at cursor {} and timer-topic offset {}", from.cursorMs(), from.enqueueOffset());
    }

    private TimerCheckpoint fresh() {
        long first = store.minOffset(TimerTopic.NAME, TimerTopic.QUEUE_ID);
        if (store.maxOffset(TimerTopic.NAME, TimerTopic.QUEUE_ID) > first) {
            log.warn("no timer checkpoint but parked messages exist: indexing them all again");
        }
        return new TimerCheckpoint(clock.millis(), first);
    }

    /**
     * The last checkpoint written, in RocketMQ's GET_TIMER_CHECK_POINT shape: the cursor is its {@code
     * lastReadTimeMs}, the indexed timer-topic offset both its queue offsets; there is no timer log.
     */
    public TimerCheckpointBody replicationCheckpoint() {
        TimerCheckpoint checkpoint = lastPersisted;
        return new TimerCheckpointBody(
                checkpoint.cursorMs(),
                0,
                checkpoint.enqueueOffset(),
                checkpoint.enqueueOffset(),
                new DataVersion(checkpoint.cursorMs(), checkpointsWritten.get(), 0));
    }

    /** The admin view of the messages this timer holds. */
    public PendingDeliveries pendingDeliveries() {
        return new TimerPendingDeliveries(store, wheel);
    }

    /**
     * Parked messages wait in the commit log for up to {@code timerMaxDelaySec}, which may be longer than
     * {@code fileReservedTime}: retention keeps the segments the index still names. (Messages parked but
     * not indexed yet are seconds old, far from any retention limit.)
     */
    @Override
    public long heldFromOffset() {
        return wheel.lowestParkedOffset();
    }

    @Override
    public String describe() {
        return "the timer (messages parked until their delivery time)";
    }

    /**
     * Builds the timer over {@code store}, wired in: it indexes what the store dispatches to the timer
     * topic and holds retention for the messages it parks. Started; {@code delivering} is false on a slave,
     * which indexes but leaves delivery to its master.
     */
    public static TimerService startOn(
            MessageStore store, Clock clock, Path directory, long roundIntervalMs, boolean delivering) {
        TimerService timer = new TimerService(store, clock, directory, roundIntervalMs);
        store.addDispatchListener(timer);
        store.addRetentionHold(timer);
        timer.setDelivering(delivering);
        timer.start();
        return timer;
    }

    /**
     * A slave keeps its timer index current but delivers nothing: its master delivers, and the slave's
     * log is the master's copy.
     */
    public void setDelivering(boolean delivering) {
        this.delivering = delivering;
        wakeUp();
    }

    @Override
    public void onDispatch(DispatchedEntry entry) {
        if (TimerTopic.NAME.equals(entry.topic())) {
            wakeUp();
        }
    }

    @Override
    protected void runOnce() {
        round();
    }

    @Override
    protected void onStop() {
        closeIndex();
    }

    /** A halt writes no checkpoint: the next start replays from the last one, as after a crash. */
    @Override
    protected void onHalt() {
        wheel.close();
    }

    /**
     * One round: index, deliver, read ahead, maybe checkpoint. Indexing and reading ahead are bounded per
     * round, so a burst of parked messages or a crowded next window never holds up what is due now; a
     * round that left work asks for the next one at once.
     */
    void round() {
        long started = System.nanoTime();
        boolean moreToIndex = indexParked();
        int delivered = delivering ? deliverDue() : 0;
        long nowMs = clock.millis();
        if (delivering) {
            wheel.prefetch(nowMs, PREFETCH_PER_ROUND);
        }
        long sinceMs = nowMs - lastCheckpointMs;
        if ((dirty && sinceMs >= BUSY_CHECKPOINT_MS) || sinceMs >= IDLE_CHECKPOINT_MS) {
            persist(nowMs);
        }
        if (moreToIndex || wheel.prefetching(nowMs)) {
            wakeUp();
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (tookMs >= SLOW_ROUND_MS) {
            log.debug("slow timer round: {} ms, {} delivered", tookMs, delivered);
        }
    }

    /** Persists the progress and closes the index files (the service's thread does this when it stops). */
    void closeIndex() {
        persist(clock.millis());
        wheel.close();
    }

    TimerWheel wheel() {
        return wheel;
    }

    /** Indexes up to {@link #INDEX_PER_ROUND} parked messages; true when more are waiting. */
    private boolean indexParked() {
        int indexed = 0;
        while (indexed < INDEX_PER_ROUND) {
            long from = wheel.enqueueOffset();
            List<TimerWheel.Parked> parked = new ArrayList<>();
            long next;
            try (GetResult result =
                    store.getMessages(TimerTopic.NAME, TimerTopic.QUEUE_ID, from, READ_BATCH, MessageFilter.ALL)) {
                result.records().forEach(slice -> parked.add(parkedOf(slice)));
                next = result.nextBeginOffset();
            }
            if (next == from && parked.isEmpty()) {
                return false;
            }
            wheel.add(parked, next);
            dirty = true;
            if (parked.isEmpty()) {
                return false;
            }
            indexed += parked.size();
        }
        return true;
    }

    private static TimerWheel.Parked parkedOf(RecordSlice slice) {
        RecordView view = RecordView.at(slice.buffer(), 0);
        Map<String, String> properties = view.properties();
        String topic = properties.getOrDefault(MessageConst.REAL_TOPIC, "");
        long dueMs;
        try {
            dueMs = Long.parseLong(properties.getOrDefault(MessageConst.TIMER_OUT_MS, "0"));
        } catch (NumberFormatException e) {
            log.warn("parked message at offset {} has a bad TIMER_OUT_MS; delivered at once", slice.commitLogOffset());
            dueMs = 0;
        }
        return new TimerWheel.Parked(dueMs, slice.commitLogOffset(), slice.sizeBytes(), TimerEntry.hashOf(topic));
    }

    private int deliverDue() {
        long nowMs = clock.millis();
        wheel.loadUpTo(nowMs);
        int delivered = 0;
        while (true) {
            List<TimerEntry> due = wheel.takeDue(nowMs, DELIVER_BATCH);
            if (due.isEmpty()) {
                break;
            }
            dirty = true;
            delivered += due.size();
            List<TimerEntry> failed = delivery.deliver(due, nowMs);
            if (!failed.isEmpty()) {
                wheel.putBack(failed);
                break;
            }
        }
        wheel.advance(nowMs);
        return delivered;
    }

    private void persist(long nowMs) {
        TimerCheckpoint checkpoint = wheel.checkpoint();
        checkpointFile.write(checkpoint);
        wheel.persisted(checkpoint);
        dirty = false;
        lastCheckpointMs = nowMs;
        lastPersisted = checkpoint;
        checkpointsWritten.incrementAndGet();
    }
}
