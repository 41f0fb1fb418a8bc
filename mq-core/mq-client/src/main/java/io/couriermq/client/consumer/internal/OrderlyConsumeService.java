package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.OrderlyContext;
import io.couriermq.client.consumer.OrderlyMessageListener;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an {@link OrderlyMessageListener} for one queue at a time per queue, in queue-offset order, and
 * only while this client holds the queue's broker lock. SUSPEND pauses the queue and consumes the same
 * message again; after the maximum reconsume times the message is sent to the retry topic (the broker
 * dead-letters it for orderly groups) and the queue moves on. A task gives its thread up after {@link
 * #MAX_TASK_MS} so that busy queues cannot starve the others.
 */
public final class OrderlyConsumeService implements ConsumeService {
    private static final Logger log = LoggerFactory.getLogger(OrderlyConsumeService.class);
    static final long MAX_TASK_MS = 60_000;
    static final long LOCK_RETRY_MS = 1_000;

    private final String group;
    private final OrderlyMessageListener listener;
    private final OffsetStore offsets;
    private final RetryMessageSender retrySender;
    private final ConsumeObserver observer;
    private final ScheduledExecutorService timers;
    private final ExecutorService pool;
    private final Clock clock;
    private final int maxReconsumeTimes;
    private final long suspendMs;
    private final long lockExpiryMs;

    public OrderlyConsumeService(
            String group,
            OrderlyMessageListener listener,
            OffsetStore offsets,
            RetryMessageSender retrySender,
            ConsumeObserver observer,
            ScheduledExecutorService timers,
            Clock clock,
            int threads,
            int maxReconsumeTimes,
            long suspendMs,
            long lockExpiryMs) {
        this.group = group;
        this.listener = listener;
        this.offsets = offsets;
        this.retrySender = retrySender;
        this.observer = observer;
        this.timers = timers;
        this.pool = ConsumerThreads.pool("courier-consume-" + group, threads);
        this.clock = clock;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.suspendMs = suspendMs;
        this.lockExpiryMs = lockExpiryMs;
    }

    @Override
    public void submit(ProcessQueue processQueue, List<ReceivedMessage> messages) {
        schedule(processQueue);
    }

    /** Per-queue caches bound the orderly backlog; there is no shared queue of tasks to bound. */
    @Override
    public boolean isBacklogged() {
        return false;
    }

    @Override
    public void shutdown(long awaitMs) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(awaitMs, TimeUnit.MILLISECONDS)) {
                log.warn("group {}: orderly listener calls still running after {} ms", group, awaitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(ProcessQueue processQueue) {
        if (!processQueue.markOrderlyTaskScheduled()) {
            return;
        }
        try {
            pool.execute(() -> run(processQueue));
        } catch (RejectedExecutionException e) {
            processQueue.clearOrderlyTaskScheduled();
        }
    }

    /** Runs the queue's task after {@code delayMs}; the queue is still marked as scheduled until then. */
    private void resumeLater(ProcessQueue processQueue, long delayMs) {
        try {
            timers.schedule(
                    () -> {
                        try {
                            pool.execute(() -> run(processQueue));
                        } catch (RejectedExecutionException e) {
                            processQueue.clearOrderlyTaskScheduled();
                        }
                    },
                    delayMs,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            processQueue.clearOrderlyTaskScheduled();
            log.debug("group {} is closing; {} not rescheduled", group, processQueue);
        }
    }

    private void run(ProcessQueue processQueue) {
        long startNanos = System.nanoTime();
        long delayMs = -1;
        try {
            while (!processQueue.isDropped() && !pool.isShutdown()) {
                if (!processQueue.isLocked(clock.millis(), lockExpiryMs)) {
                    // the lock refresh may win it back; nothing to wait for when nothing is cached
                    delayMs = processQueue.isEmpty() ? -1 : LOCK_RETRY_MS;
                    break;
                }
                ReceivedMessage message = processQueue.first();
                if (message == null) {
                    break;
                }
                long suspend = consumeOne(processQueue, message);
                if (suspend > 0) {
                    delayMs = suspend;
                    break;
                }
                if (System.nanoTime() - startNanos > TimeUnit.MILLISECONDS.toNanos(MAX_TASK_MS)) {
                    delayMs = 0;
                    break;
                }
            }
        } finally {
            if (delayMs <= 0) {
                processQueue.clearOrderlyTaskScheduled();
            }
        }
        if (delayMs > 0) {
            // the queue stays marked as scheduled while it waits, so messages pulled meanwhile do not cut
            // the pause short: the delayed run is the queue's next task
            resumeLater(processQueue, delayMs);
        } else if (delayMs == 0
                || (!processQueue.isEmpty()
                        && !processQueue.isDropped()
                        && processQueue.isLocked(clock.millis(), lockExpiryMs))) {
            schedule(processQueue);
        }
    }

    /** Consumes the queue's first message; returns how long to pause the queue, or 0 to go on. */
    private long consumeOne(ProcessQueue processQueue, ReceivedMessage message) {
        processQueue.consumeLock().lock();
        try {
            if (processQueue.isDropped()) {
                return 0;
            }
            int attempt = processQueue.nextAttempt(message.queueOffset());
            OrderlyContext context = new OrderlyContext(processQueue.queue(), attempt, suspendMs);
            if (call(message, context) == OrderlyResult.SUCCESS) {
                commit(processQueue, message);
                return 0;
            }
            if (attempt <= maxReconsumeTimes) {
                return context.suspendMs();
            }
            return giveUp(processQueue, message, attempt, context.suspendMs());
        } finally {
            processQueue.consumeLock().unlock();
        }
    }

    private long giveUp(ProcessQueue processQueue, ReceivedMessage message, int attempt, long suspend) {
        try {
            retrySender.send(message, group, Math.max(attempt, message.reconsumeTimes() + 1), maxReconsumeTimes, 0);
            log.warn("group {}: {} failed {} times; sent to the retry topic (dead letter)", group, message, attempt);
            commit(processQueue, message);
            return 0;
        } catch (ClientException e) {
            log.warn(
                    "group {}: {} used up its attempts but could not be sent on ({}); retrying",
                    group,
                    message,
                    e.getMessage());
            return suspend;
        }
    }

    private OrderlyResult call(ReceivedMessage message, OrderlyContext context) {
        long start = System.nanoTime();
        OrderlyResult result;
        String outcome;
        try {
            result = listener.consume(message, context);
            outcome = result == null ? "NULL" : result.name();
        } catch (RuntimeException e) {
            log.warn("group {}: orderly listener failed on {}", group, message, e);
            result = null;
            outcome = "EXCEPTION";
        }
        Observers.consumed(observer, group, message, outcome, System.nanoTime() - start);
        return result == null ? OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT : result;
    }

    private void commit(ProcessQueue processQueue, ReceivedMessage message) {
        processQueue.removeAndCommit(List.of(message), offsets);
    }
}
