package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer's pulls: one outstanding long-polling PULL_MESSAGE per assigned queue (suspend 15 s,
 * timeout 30 s), answered per remoting-protocol §6.5's table. A queue is not pulled while its cache is
 * full or the listener pool is backlogged (checked again after 50 ms), nor, when orderly, while its
 * lock is not held; failures are retried after 3 s (FLOW_CONTROL after 20 ms).
 *
 * <p>{@link #pause()} keeps everything but the pulls: a queue due for a pull is parked instead (no timer
 * spins), and an answer that arrives while paused is set aside unread, its offset not moved, so nothing
 * new reaches the listener; {@link #resume()} pulls every parked queue at once from where it stopped.
 */
public final class PullLoop {
    private static final Logger log = LoggerFactory.getLogger(PullLoop.class);
    static final long SUSPEND_MS = 15_000;
    static final long TIMEOUT_MS = 30_000;
    static final long FLOW_CONTROL_DELAY_MS = 50;
    static final long ERROR_DELAY_MS = 3_000;
    static final long BROKER_FLOW_CONTROL_DELAY_MS = 20;

    private final PullSettings settings;
    private final Subscriptions subscriptions;
    private final ConsumerRequests requests;
    private final OffsetStore offsets;
    private final ConsumeService consume;
    private final AssignedQueues assigned;
    private final Runnable rebalanceNow;
    private final ScheduledExecutorService timers;
    private final Executor callbacks;
    private final Clock clock;
    private volatile boolean stopped;
    private volatile boolean paused;
    /** Queues that were due for a pull while paused; pulled again by {@link #resume()}. */
    private final Set<ProcessQueue> parked = ConcurrentHashMap.newKeySet();

    /** The fixed settings of a pull loop. */
    public record PullSettings(
            String group,
            boolean clustering,
            boolean orderly,
            int batchSize,
            int maxCachedMessages,
            long maxCachedBytes,
            ConsumeObserver observer) {}

    public PullLoop(
            PullSettings settings,
            Subscriptions subscriptions,
            ConsumerRequests requests,
            OffsetStore offsets,
            ConsumeService consume,
            AssignedQueues assigned,
            Runnable rebalanceNow,
            ScheduledExecutorService timers,
            Executor callbacks,
            Clock clock) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.requests = requests;
        this.offsets = offsets;
        this.consume = consume;
        this.assigned = assigned;
        this.rebalanceNow = rebalanceNow;
        this.timers = timers;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    public void start(ProcessQueue processQueue) {
        pull(processQueue);
    }

    /** No new pulls; answers still in flight are ignored. */
    public void stop() {
        stopped = true;
        parked.clear();
    }

    /**
     * Issues no new pull until {@link #resume()}: queues stay assigned, their cached messages are still
     * consumed, and pulls already at a broker are set aside when they answer. Idempotent.
     */
    public void pause() {
        paused = true;
    }

    /** Pulls every queue parked while paused, each from its next offset. Idempotent. */
    public void resume() {
        paused = false;
        for (ProcessQueue processQueue : List.copyOf(parked)) {
            if (parked.remove(processQueue)) {
                pull(processQueue);
            }
        }
    }

    public boolean isPaused() {
        return paused;
    }

    private void pull(ProcessQueue processQueue) {
        if (stopped || processQueue.isDropped()) {
            return;
        }
        if (paused && park(processQueue)) {
            return;
        }
        if (consume.isBacklogged() || processQueue.isFull(settings.maxCachedMessages(), settings.maxCachedBytes())) {
            later(processQueue, FLOW_CONTROL_DELAY_MS);
            return;
        }
        if (settings.orderly() && !processQueue.isLocked(clock.millis(), QueueLocks.EXPIRY_MS)) {
            later(processQueue, ERROR_DELAY_MS);
            return;
        }
        SubscriptionData subscription = subscriptions.get(processQueue.queue().topic());
        if (subscription == null) {
            later(processQueue, ERROR_DELAY_MS);
            return;
        }
        long offset = processQueue.nextPullOffset();
        long start = System.nanoTime();
        requests.pull(header(processQueue, offset, subscription), TIMEOUT_MS)
                .whenCompleteAsync(
                        (response, failure) -> {
                            try {
                                onResponse(processQueue, offset, subscription, response, failure, start);
                            } catch (RuntimeException e) {
                                log.warn("pull of {} failed", processQueue.queue(), e);
                                later(processQueue, ERROR_DELAY_MS);
                            }
                        },
                        callbacks);
    }

    /**
     * Parks a queue; false when a resume came in between and this caller must pull after all. Whoever
     * removes the queue from {@link #parked} (this method or {@link #resume()}) pulls it, so a queue is
     * never pulled twice nor left parked after a resume.
     */
    private boolean park(ProcessQueue processQueue) {
        parked.add(processQueue);
        return paused || !parked.remove(processQueue);
    }

    private PullMessageRequestHeader header(ProcessQueue processQueue, long offset, SubscriptionData subscription) {
        long commitOffset = settings.clustering() ? offsets.readMemory(processQueue.queue()) : -1;
        int sysFlag = PullSysFlag.build(commitOffset > 0, true, false, false);
        return new PullMessageRequestHeader(
                settings.group(),
                processQueue.queue().topic(),
                processQueue.queue().queueId(),
                offset,
                settings.batchSize(),
                sysFlag,
                Math.max(commitOffset, 0),
                SUSPEND_MS,
                null,
                subscription.subVersion(),
                subscription.expressionType(),
                null,
                processQueue.queue().brokerName());
    }

    private void onResponse(
            ProcessQueue processQueue,
            long offset,
            SubscriptionData subscription,
            RemotingCommand response,
            Throwable failure,
            long startNanos) {
        if (stopped || processQueue.isDropped()) {
            return;
        }
        PullResult result;
        try {
            if (failure != null) {
                throw BrokerRpc.asClientException(failure);
            }
            result = PullResponses.parse(response, processQueue.queue(), offset, subscription);
        } catch (ClientException e) {
            Observers.pulled(
                    settings.observer(),
                    settings.group(),
                    processQueue.queue(),
                    "ERROR",
                    0,
                    System.nanoTime() - startNanos);
            boolean brokerBusy = e.responseCode() == ResponseCode.FLOW_CONTROL.code();
            log.debug("pull of {} failed: {}", processQueue.queue(), e.getMessage());
            later(processQueue, brokerBusy ? BROKER_FLOW_CONTROL_DELAY_MS : ERROR_DELAY_MS);
            return;
        }
        Observers.pulled(
                settings.observer(),
                settings.group(),
                processQueue.queue(),
                result.status().name(),
                result.messages().size(),
                System.nanoTime() - startNanos);
        processQueue.brokerMaxOffset(result.maxOffset());
        if (paused && park(processQueue)) {
            // set aside unread: the next offset stays, so the resumed pull asks for these messages again
            return;
        }
        apply(processQueue, result);
    }

    private void apply(ProcessQueue processQueue, PullResult result) {
        switch (result.status()) {
            case FOUND -> {
                // taken in before the offset moves, so the consumed offset (lag) never skips them
                processQueue.add(result.messages());
                processQueue.nextPullOffset(result.nextBeginOffset());
                if (!result.messages().isEmpty()) {
                    consume.submit(processQueue, result.messages());
                } else if (processQueue.isEmpty()) {
                    processQueue.commitIfLive(result.nextBeginOffset(), offsets);
                }
                pull(processQueue);
            }
            case NO_NEW_MSG, NO_MATCHED_MSG -> {
                processQueue.nextPullOffset(result.nextBeginOffset());
                if (processQueue.isEmpty()) {
                    processQueue.commitIfLive(result.nextBeginOffset(), offsets);
                }
                pull(processQueue);
            }
            case OFFSET_ILLEGAL -> offsetMoved(processQueue, result.nextBeginOffset());
        }
    }

    /** The offset left the queue's range: restart the queue at the broker's offset through a rebalance. */
    private void offsetMoved(ProcessQueue processQueue, long nextOffset) {
        log.warn(
                "offset {} of {} is out of range; continuing at {}",
                processQueue.nextPullOffset(),
                processQueue.queue(),
                nextOffset);
        processQueue.drop();
        offsets.update(processQueue.queue(), nextOffset, false);
        offsets.persist(processQueue.queue());
        assigned.remove(processQueue);
        rebalanceNow.run();
    }

    private void later(ProcessQueue processQueue, long delayMs) {
        if (stopped) {
            return;
        }
        try {
            timers.schedule(() -> pull(processQueue), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("client runtime closed; {} no longer pulled", processQueue.queue());
        }
    }
}
