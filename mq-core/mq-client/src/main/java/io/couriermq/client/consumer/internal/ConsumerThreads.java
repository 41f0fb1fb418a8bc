package io.couriermq.client.consumer.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for a consumer's pools. */
public final class ConsumerThreads {
    private ConsumerThreads() {}

    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A fixed pool whose queue is not bounded by itself: the consumer bounds the work it hands over
     * (backlog limit, per-queue caches) and stops pulling instead of rejecting.
     */
    public static ExecutorService pool(String prefix, int threads) {
        return new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(prefix));
    }
}
