package io.couriermq.tools.bench.run;

import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.QueueSelector;
import io.couriermq.tools.bench.SendTarget;
import io.couriermq.tools.bench.stats.BenchStats;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.Outcome;
import io.couriermq.tools.bench.transport.PullResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency: one thread sends asynchronously at a fixed {@code --rate} with its send time
 * ({@link System#nanoTime}, same JVM) in the first 8 bytes of the body, while one long-polling puller
 * per queue, started at the queue's max offset, records now minus that time for every message.
 * Messages counted are messages received; errors are failed sends and failed pulls.
 */
public final class LatencyRunner implements BenchRunner {
    private static final long SUSPEND_MS = 1_000;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BenchOptions options;
    private final BenchTransport transport;
    private final QueueSelector selector;
    private final List<BenchQueue> readable;
    private final WorkBudget budget;
    private final BenchStats stats;
    private final Semaphore inFlight;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;

    public LatencyRunner(
            BenchOptions options,
            BenchTransport transport,
            QueueSelector selector,
            List<BenchQueue> readable,
            WorkBudget budget,
            BenchStats stats) {
        this.options = options;
        this.transport = transport;
        this.selector = selector;
        this.readable = readable;
        this.budget = budget;
        this.stats = stats;
        this.inFlight = new Semaphore(options.inFlight());
    }

    @Override
    public void run() throws InterruptedException {
        List<Thread> pullers = new ArrayList<>();
        for (BenchQueue queue : readable) {
            long start = transport.maxOffset(options.topic(), queue);
            Thread puller = new Thread(() -> pull(queue, start), "latency-pull-" + queue.queueId());
            puller.setDaemon(true);
            pullers.add(puller);
            puller.start();
        }
        produceAtRate();
        inFlight.tryAcquire(options.inFlight(), 10, TimeUnit.SECONDS);
        long graceEnd = System.nanoTime() + GRACE_NANOS;
        while (stats.messages() < sent.get() && System.nanoTime() - graceEnd < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        stopped = true;
        for (Thread puller : pullers) {
            puller.join();
        }
    }

    private void produceAtRate() {
        int size = Math.max(Long.BYTES, options.sizeBytes());
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / options.ratePerSecond();
        long next = System.nanoTime();
        while (budget.claim(1) > 0) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += intervalNanos;
            inFlight.acquireUninterruptibly();
            byte[] body = new byte[size];
            ByteBuffer.wrap(body).putLong(System.nanoTime());
            SendTarget target = selector.next();
            transport.sendAsync(target.topic(), target.queue(), body).whenComplete((outcome, failure) -> {
                if (outcome.succeeded()) {
                    sent.incrementAndGet();
                } else {
                    stats.error(outcome, 1);
                }
                inFlight.release();
            });
        }
    }

    private void pull(BenchQueue queue, long startOffset) {
        long offset = startOffset;
        while (!stopped) {
            PullResult result = transport.pull(options.topic(), queue, offset, SUSPEND_MS);
            Outcome outcome = result.outcome();
            if (outcome.succeeded()) {
                long now = System.nanoTime();
                for (ByteBuffer body : result.bodies()) {
                    stats.recordLatency(now - body.getLong(body.position()));
                }
                stats.delivered(result.bodies().size());
            } else if (!outcome.name().equals("PULL_NOT_FOUND")) {
                stats.error(outcome, 1);
                LockSupport.parkNanos(ERROR_PAUSE_NANOS);
            }
            offset = Math.max(offset, result.nextBeginOffset());
        }
    }
}
