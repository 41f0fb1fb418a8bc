package io.couriermq.tools.bench.run;

import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.QueueSelector;
import io.couriermq.tools.bench.SendTarget;
import io.couriermq.tools.bench.stats.BenchStats;
import io.couriermq.tools.bench.transport.BenchTransport;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Async sends with at most {@code --in-flight} requests awaiting an answer: a sender takes a permit
 * before each send and the answer gives it back, so a slow broker slows the senders down (back-pressure)
 * instead of queueing requests without bound.
 */
public final class AsyncProduceRunner implements BenchRunner {
    private static final long DRAIN_TIMEOUT_SECONDS = 10;

    private final BenchOptions options;
    private final BenchTransport transport;
    private final QueueSelector queues;
    private final WorkBudget budget;
    private final BenchStats stats;
    private final Semaphore inFlight;
    private final byte[] body;

    public AsyncProduceRunner(
            BenchOptions options, BenchTransport transport, QueueSelector queues, WorkBudget budget, BenchStats stats) {
        this.options = options;
        this.transport = transport;
        this.queues = queues;
        this.budget = budget;
        this.stats = stats;
        this.inFlight = new Semaphore(options.inFlight());
        this.body = Payloads.body(options.sizeBytes());
    }

    @Override
    public void run() throws InterruptedException {
        Workers.runAll(options.mode().cliName(), options.threads(), this::loop);
        if (!inFlight.tryAcquire(options.inFlight(), DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "async sends still unanswered " + DRAIN_TIMEOUT_SECONDS + " s after the run");
        }
    }

    private void loop() {
        while (budget.claim(1) > 0) {
            inFlight.acquireUninterruptibly();
            long start = System.nanoTime();
            SendTarget target = queues.next();
            transport.sendAsync(target.topic(), target.queue(), body).whenComplete((outcome, failure) -> {
                stats.record(outcome, 1, System.nanoTime() - start);
                inFlight.release();
            });
        }
    }
}
