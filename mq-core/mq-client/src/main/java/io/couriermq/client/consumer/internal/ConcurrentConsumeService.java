package io.couriermq.client.consumer.internal;

import io.couriermq.client.consumer.BatchMessageListener;
import io.couriermq.client.consumer.ConcurrentMessageListener;
import io.couriermq.client.consumer.ConsumeContext;
import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.message.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the listener on a fixed pool, with batches of up to {@code batchSize} messages of one pull (1 for
 * a per-message listener, adapted to {@link BatchMessageListener}). Consumed messages leave their process
 * queue and the queue's committable offset moves. Failed ones are sent back for a retry each (clustering),
 * or dropped with a warning (broadcasting, as the official client); those that cannot be sent back stay in
 * the process queue, holding the offset, and are consumed again here after {@link #localRetryDelayMs}.
 */
public final class ConcurrentConsumeService implements ConsumeService {
    private static final Logger log = LoggerFactory.getLogger(ConcurrentConsumeService.class);

    private final String group;
    private final boolean broadcasting;
    private final BatchMessageListener listener;
    private final int batchSize;
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
            BatchMessageListener listener,
            int batchSize,
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
        this.batchSize = batchSize;
        this.offsets = offsets;
        this.sendBack = sendBack;
        this.observer = observer;
        this.timers = timers;
        this.pool = ConsumerThreads.pool("courier-consume-" + group, threads);
        this.backlogLimit = backlogLimit;
        this.localRetryDelayMs = localRetryDelayMs;
    }

    /** A per-message listener as a batch listener, for batches of one. */
    public static BatchMessageListener perMessage(ConcurrentMessageListener listener) {
        return (messages, context) -> listener.consume(messages.get(0), context);
    }

    @Override
    public void submit(ProcessQueue processQueue, List<ReceivedMessage> messages) {
        for (int from = 0; from < messages.size(); from += batchSize) {
            execute(processQueue, List.copyOf(messages.subList(from, Math.min(messages.size(), from + batchSize))), 1);
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

    private void execute(ProcessQueue processQueue, List<ReceivedMessage> batch, int attempt) {
        pending.addAndGet(batch.size());
        try {
            pool.execute(() -> {
                try {
                    consume(processQueue, batch, attempt);
                } finally {
                    pending.addAndGet(-batch.size());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.addAndGet(-batch.size());
            log.debug("group {} is shutting down; {} messages stay uncommitted", group, batch.size());
        }
    }

    private void consume(ProcessQueue processQueue, List<ReceivedMessage> batch, int attempt) {
        if (processQueue.isDropped()) {
            return;
        }
        ConsumeContext context = new ConsumeContext(processQueue.queue(), attempt);
        ConsumeResult result = call(batch, context);
        if (result == ConsumeResult.SUCCESS) {
            commit(processQueue, batch);
        } else if (broadcasting) {
            log.warn(
                    "group {} (broadcasting) dropped {} messages, the listener asked to reconsume them: {}",
                    group,
                    batch.size(),
                    batch);
            commit(processQueue, batch);
        } else {
            List<ReceivedMessage> sentBack = new ArrayList<>(batch.size());
            List<ReceivedMessage> kept = new ArrayList<>();
            for (ReceivedMessage message : batch) {
                (sendBack.sendBack(message, context.delayLevelWhenNextConsume()) ? sentBack : kept).add(message);
            }
            if (!sentBack.isEmpty()) {
                commit(processQueue, sentBack);
            }
            if (!kept.isEmpty()) {
                retryLocally(processQueue, List.copyOf(kept), attempt + 1);
            }
        }
    }

    private ConsumeResult call(List<ReceivedMessage> batch, ConsumeContext context) {
        long start = System.nanoTime();
        ConsumeResult result;
        String outcome;
        try {
            result = listener.consume(batch, context);
            outcome = result == null ? "NULL" : result.name();
        } catch (RuntimeException e) {
            log.warn("group {}: listener failed on {}", group, batch.size() == 1 ? batch.get(0) : batch, e);
            result = null;
            outcome = "EXCEPTION";
        }
        long elapsed = System.nanoTime() - start;
        for (ReceivedMessage message : batch) {
            Observers.consumed(observer, group, message, outcome, elapsed);
        }
        return result == null ? ConsumeResult.RECONSUME_LATER : result;
    }

    private void commit(ProcessQueue processQueue, List<ReceivedMessage> messages) {
        processQueue.removeAndCommit(messages, offsets);
    }

    private void retryLocally(ProcessQueue processQueue, List<ReceivedMessage> batch, int attempt) {
        pending.addAndGet(batch.size());
        try {
            timers.schedule(
                    () -> {
                        pending.addAndGet(-batch.size());
                        if (!pool.isShutdown()) {
                            execute(processQueue, batch, attempt);
                        }
                    },
                    localRetryDelayMs,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.addAndGet(-batch.size());
        }
    }
}
