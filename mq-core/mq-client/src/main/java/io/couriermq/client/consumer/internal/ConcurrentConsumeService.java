package io.couriermq.client.consumer.internal;

import io.couriermq.client.consumer.ConcurrentMessageListener;
import io.couriermq.client.consumer.ConsumeContext;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.message.ReceivedMessage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a {@link ConcurrentMessageListener} for each message on a fixed pool. A consumed message leaves
 * its process queue and the queue's committable offset moves. A failed one is sent back for a retry
 * (clustering), or dropped with a warning (broadcasting, as the official client); when it cannot be sent
 * back it stays in the process queue, holding the offset, and is consumed again here after {@link
 * #localRetryDelayMs}.
 */
public final class ConcurrentConsumeService implements ConsumeService {
    private static final Logger log = LoggerFactory.getLogger(ConcurrentConsumeService.class);

    private final String group;
    private final boolean broadcasting;
    private final ConcurrentMessageListener listener;
    private final OffsetStore offsets;
    private final SendBack sendBack;
    private final ConsumeObserver observer;
    private final ScheduledExecutorService timers;
    private final ExecutorService pool;
    private final int backlogLimit;
    private final long localRetryDelayMs;
    private final AtomicInteger pending = new AtomicInteger();

    public ConcurrentConsumeService(
            String group,
            boolean broadcasting,
            ConcurrentMessageListener listener,
            OffsetStore offsets,
            SendBack sendBack,
            ConsumeObserver observer,
            ScheduledExecutorService timers,
            int threads,
            int backlogLimit,
            long localRetryDelayMs) {
        this.group = group;
        this.broadcasting = broadcasting;
        this.listener = listener;
        this.offsets = offsets;
        this.sendBack = sendBack;
        this.observer = observer;
        this.timers = timers;
        this.pool = ConsumerThreads.pool("courier-consume-" + group, threads);
        this.backlogLimit = backlogLimit;
        this.localRetryDelayMs = localRetryDelayMs;
    }

    @Override
    public void submit(ProcessQueue processQueue, List<ReceivedMessage> messages) {
        for (ReceivedMessage message : messages) {
            execute(processQueue, message, 1);
        }
    }

    @Override
    public boolean isBacklogged() {
        return pending.get() >= backlogLimit;
    }

    /** Messages handed to the pool and not finished (including ones waiting for a local retry). */
    public int pending() {
        return pending.get();
    }

    @Override
    public void shutdown(long awaitMs) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(awaitMs, TimeUnit.MILLISECONDS)) {
                log.warn(
                        "group {}: listener calls still running after {} ms; their offsets stay uncommitted",
                        group,
                        awaitMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(ProcessQueue processQueue, ReceivedMessage message, int attempt) {
        pending.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    consume(processQueue, message, attempt);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            log.debug("group {} is shutting down; {} stays uncommitted", group, message);
        }
    }

    private void consume(ProcessQueue processQueue, ReceivedMessage message, int attempt) {
        if (processQueue.isDropped()) {
            return;
        }
        ConsumeContext context = new ConsumeContext(processQueue.queue(), attempt);
        ConsumeResult result = call(message, context);
        if (result == ConsumeResult.SUCCESS) {
            commit(processQueue, message);
        } else if (broadcasting) {
            log.warn("group {} (broadcasting) dropped {}: the listener asked to reconsume it", group, message);
            commit(processQueue, message);
        } else if (sendBack.sendBack(message, context.delayLevelWhenNextConsume())) {
            commit(processQueue, message);
        } else {
            retryLocally(processQueue, message, attempt + 1);
        }
    }

    private ConsumeResult call(ReceivedMessage message, ConsumeContext context) {
        long start = System.nanoTime();
        ConsumeResult result;
        String outcome;
        try {
            result = listener.consume(message, context);
            outcome = result == null ? "NULL" : result.name();
        } catch (RuntimeException e) {
            log.warn("group {}: listener failed on {}", group, message, e);
            result = null;
            outcome = "EXCEPTION";
        }
        Observers.consumed(observer, group, message, outcome, System.nanoTime() - start);
        return result == null ? ConsumeResult.RECONSUME_LATER : result;
    }

    private void commit(ProcessQueue processQueue, ReceivedMessage message) {
        long offset = processQueue.remove(List.of(message));
        if (!processQueue.isDropped()) {
            offsets.update(processQueue.queue(), offset, true);
        }
    }

    private void retryLocally(ProcessQueue processQueue, ReceivedMessage message, int attempt) {
        pending.incrementAndGet();
        try {
            timers.schedule(
                    () -> {
                        pending.decrementAndGet();
                        if (!pool.isShutdown()) {
                            execute(processQueue, message, attempt);
                        }
                    },
                    localRetryDelayMs,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }
}
