package io.couriermq.tools.bench.run;

import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.BenchQueue;
import io.couriermq.tools.bench.stats.BenchStats;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.Outcome;
import io.couriermq.tools.bench.transport.PullResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a backlog: every readable queue from its min offset (or {@code --from-offset}) up to the max
 * offset it had when the run started. Threads take a queue, pull once, and hand it back until it is
 * caught up; a queue that fails {@value QueueCursor#MAX_CONSECUTIVE_ERRORS} times in a row is given up.
 */
public final class ConsumeRunner implements BenchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeRunner.class);
    private static final Set<String> NOT_ERRORS =
            Set.of("PULL_NOT_FOUND", "PULL_RETRY_IMMEDIATELY", "PULL_OFFSET_MOVED");

    private final BenchOptions options;
    private final BenchTransport transport;
    private final List<BenchQueue> queues;
    private final WorkBudget budget;
    private final BenchStats stats;
    private final BlockingQueue<QueueCursor> pending = new LinkedBlockingQueue<>();

    public ConsumeRunner(
            BenchOptions options,
            BenchTransport transport,
            List<BenchQueue> queues,
            WorkBudget budget,
            BenchStats stats) {
        this.options = options;
        this.transport = transport;
        this.queues = queues;
        this.budget = budget;
        this.stats = stats;
    }

    @Override
    public void run() throws InterruptedException {
        for (BenchQueue queue : queues) {
            long from = options.fromOffset() >= 0 ? options.fromOffset() : transport.minOffset(options.topic(), queue);
            QueueCursor cursor = new QueueCursor(queue, from, transport.maxOffset(options.topic(), queue));
            if (!cursor.caughtUp()) {
                pending.add(cursor);
            }
        }
        Workers.runAll("consume", Math.min(options.threads(), Math.max(1, pending.size())), this::loop);
    }

    private void loop() {
        try {
            QueueCursor cursor;
            while (!finished() && (cursor = pending.poll(10, TimeUnit.MILLISECONDS)) != null) {
                pullOnce(cursor);
                if (cursor.givenUp()) {
                    LOG.warn("giving up on {} at offset {} after repeated errors", cursor.queue, cursor.nextOffset);
                } else if (!cursor.caughtUp()) {
                    pending.add(cursor);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean finished() {
        return budget.timeUp() || (options.boundedByMessages() && stats.messages() >= options.messages());
    }

    private void pullOnce(QueueCursor cursor) {
        long start = System.nanoTime();
        PullResult result = transport.pull(options.topic(), cursor.queue, cursor.nextOffset, 0);
        Outcome outcome = result.outcome();
        if (outcome.succeeded()) {
            int delivered = (int) Math.min(result.bodies().size(), cursor.targetOffset - cursor.nextOffset);
            stats.record(outcome, delivered, System.nanoTime() - start);
            cursor.consecutiveErrors = 0;
        } else if (!NOT_ERRORS.contains(outcome.name())) {
            stats.error(outcome, 1);
            cursor.consecutiveErrors++;
            return;
        }
        cursor.nextOffset = Math.max(cursor.nextOffset, result.nextBeginOffset());
        if (outcome.name().equals("PULL_NOT_FOUND")
                && result.maxOffset() >= 0
                && result.maxOffset() <= cursor.nextOffset) {
            cursor.nextOffset = cursor.targetOffset;
        }
    }
}
