package io.couriermq.broker;

import io.couriermq.common.time.Clock;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A processor executor whose queued tasks carry the time they were queued, so admin can tell how long
 * the oldest waiting request has waited (the runtime info's {@code ...QueueHeadWaitTimeMills}). The cost
 * is one small wrapper and one clock read per request. Rejections (a full queue) pass through unchanged.
 */
final class QueueTimedExecutor extends AbstractExecutorService {
    private record QueuedTask(Runnable task, long queuedAtMs) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    private final ThreadPoolExecutor executor;
    private final Clock clock;

    QueueTimedExecutor(ThreadPoolExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(new QueuedTask(task, clock.millis()));
    }

    /** Tasks waiting for a thread. */
    int queueSize() {
        return executor.getQueue().size();
    }

    /** How long the task at the head of the queue has waited; 0 when none waits. */
    long headWaitMs() {
        Runnable head = executor.getQueue().peek();
        return head instanceof QueuedTask queued ? Math.max(0, clock.millis() - queued.queuedAtMs()) : 0;
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return executor.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return executor.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return executor.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }
}
