package io.couriermq.broker.longpolling;

import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.store.DispatchListener;
import io.couriermq.store.DispatchedEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling: pulls that found nothing are held per queue until a message is dispatched to that
 * queue at or past their offset, or until their deadline. Either way each held pull is retried exactly
 * once, on the pull executor (never on the dispatcher thread, which only signals).
 */
public final class PullHoldService extends BackgroundService implements DispatchListener {
    private static final Logger log = LoggerFactory.getLogger(PullHoldService.class);

    private record QueueKey(String topic, int queueId) {}

    private final Map<QueueKey, List<HeldPull>> held = new ConcurrentHashMap<>();
    private final AtomicInteger heldCount = new AtomicInteger();
    private final Clock clock;
    private final Executor retryExecutor;

    /**
     * @param checkIntervalMs how often deadlines are checked; arrivals do not wait for it
     * @param retryExecutor where held pulls run again (the pull executor)
     */
    public PullHoldService(Clock clock, long checkIntervalMs, Executor retryExecutor) {
        super("broker-pull-hold", checkIntervalMs);
        this.clock = clock;
        this.retryExecutor = retryExecutor;
    }

    public void hold(HeldPull pull) {
        held.compute(new QueueKey(pull.topic(), pull.queueId()), (key, pulls) -> {
            List<HeldPull> list = pulls == null ? new ArrayList<>() : pulls;
            list.add(pull);
            return list;
        });
        heldCount.incrementAndGet();
    }

    /** Pulls currently held, for metrics. */
    public int heldCount() {
        return heldCount.get();
    }

    @Override
    public void onDispatch(DispatchedEntry entry) {
        messageArrived(entry.topic(), entry.queueId(), entry.queueOffset());
    }

    /**
     * Wakes the pulls of a queue that a message at {@code queueOffset} can answer. Also called right
     * after holding a pull, in case the message arrived between the pull's read and its hold.
     */
    public void messageArrived(String topic, int queueId, long queueOffset) {
        QueueKey key = new QueueKey(topic, queueId);
        if (!held.containsKey(key)) {
            return;
        }
        take(key, pull -> pull.offset() <= queueOffset).forEach(this::retry);
    }

    /** Answers every pull whose deadline passed. */
    @Override
    protected void runOnce() {
        long now = clock.millis();
        for (QueueKey key : List.copyOf(held.keySet())) {
            take(key, pull -> pull.deadlineMillis() <= now).forEach(this::retry);
        }
    }

    /** Answers every held pull at once: the broker is stopping. */
    @Override
    protected void onStop() {
        for (QueueKey key : List.copyOf(held.keySet())) {
            take(key, pull -> true).forEach(this::retry);
        }
    }

    private List<HeldPull> take(QueueKey key, Predicate<HeldPull> due) {
        List<HeldPull> taken = new ArrayList<>();
        held.computeIfPresent(key, (k, pulls) -> {
            for (Iterator<HeldPull> it = pulls.iterator(); it.hasNext(); ) {
                HeldPull pull = it.next();
                if (due.test(pull)) {
                    it.remove();
                    taken.add(pull);
                }
            }
            return pulls.isEmpty() ? null : pulls;
        });
        heldCount.addAndGet(-taken.size());
        return taken;
    }

    private void retry(HeldPull pull) {
        try {
            retryExecutor.execute(pull.retry());
        } catch (RejectedExecutionException e) {
            log.warn(
                    "pull executor full: answering a held pull of {}/{} on the caller's thread",
                    pull.topic(),
                    pull.queueId());
            pull.retry().run();
        }
    }
}
