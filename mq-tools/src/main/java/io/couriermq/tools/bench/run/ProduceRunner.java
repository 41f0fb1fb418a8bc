package io.couriermq.tools.bench.run;

import io.couriermq.tools.bench.BenchMode;
import io.couriermq.tools.bench.BenchOptions;
import io.couriermq.tools.bench.QueueSelector;
import io.couriermq.tools.bench.SendTarget;
import io.couriermq.tools.bench.stats.BenchStats;
import io.couriermq.tools.bench.transport.BenchTransport;
import io.couriermq.tools.bench.transport.Outcome;
import java.util.List;

/**
 * Sync, oneway and batch sends: each thread sends one request, waits for its answer (or, oneway, for
 * it to be written) and sends the next, so the load is bounded by the number of threads.
 */
public final class ProduceRunner implements BenchRunner {
    private final BenchOptions options;
    private final BenchTransport transport;
    private final QueueSelector queues;
    private final WorkBudget budget;
    private final BenchStats stats;
    private final byte[] body;

    public ProduceRunner(
            BenchOptions options, BenchTransport transport, QueueSelector queues, WorkBudget budget, BenchStats stats) {
        this.options = options;
        this.transport = transport;
        this.queues = queues;
        this.budget = budget;
        this.stats = stats;
        this.body = Payloads.body(options.sizeBytes());
    }

    @Override
    public void run() throws InterruptedException {
        Workers.runAll(options.mode().cliName(), options.threads(), this::loop);
    }

    private void loop() {
        int wanted = options.mode() == BenchMode.PRODUCE_BATCH ? options.batchSize() : 1;
        List<byte[]> batch = Payloads.batch(options.sizeBytes(), wanted);
        for (int count = budget.claim(wanted); count > 0; count = budget.claim(wanted)) {
            SendTarget target = queues.next();
            long start = System.nanoTime();
            Outcome outcome =
                    switch (options.mode()) {
                        case PRODUCE_SYNC -> transport.sendSync(target.topic(), target.queue(), body);
                        case PRODUCE_ONEWAY ->
                            transport
                                    .sendOneway(target.topic(), target.queue(), body)
                                    .join();
                        case PRODUCE_BATCH ->
                            transport.sendBatch(target.topic(), target.queue(), batch.subList(0, count));
                        default -> throw new IllegalStateException("not a blocking send mode: " + options.mode());
                    };
            stats.record(outcome, count, System.nanoTime() - start);
        }
    }
}
