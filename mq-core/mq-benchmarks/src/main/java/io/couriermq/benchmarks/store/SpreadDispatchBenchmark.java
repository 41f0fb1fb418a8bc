package io.couriermq.benchmarks.store;

import io.couriermq.store.file.SegmentFiles;
import io.couriermq.store.queue.ConsumeQueue;
import io.couriermq.store.queue.ConsumeQueueTable;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the dispatcher pays per consume-queue entry when messages are spread evenly over many queues: one
 * entry to each queue in turn, as the side-by-side many-topics figure sends them. {@code queues=8} is the
 * baseline (all mapped); {@code queues=20000} with a budget of 10,000 mapped files is the regime of 10,000
 * topics x 8 queues under the default budget of 40,000 (round robin over more queues than the budget
 * parks a queue for nearly every entry). Every queue holds an entry before measuring, so no file is created
 * while measuring. Small segments (6,000 entries) keep the set-up short; an entry touches one page either way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SpreadDispatchBenchmark {
    private static final int SEGMENT_BYTES = 6_000 * ConsumeQueue.ENTRY_BYTES;
    private static final int MAX_MAPPED_FILES = 10_000;

    @Param({"8", "20000"})
    public int queues;

    private Path dir;
    private ConsumeQueueTable table;
    private ConsumeQueue[] targets;
    private long[] nextOffsets;
    private int next;
    private long commitLogOffset;

    @Setup(Level.Trial)
    public void createQueues() {
        dir = BenchmarkStores.newDirectory();
        table = new ConsumeQueueTable(dir, SEGMENT_BYTES, SegmentFiles.standard(), MAX_MAPPED_FILES);
        targets = new ConsumeQueue[queues];
        nextOffsets = new long[queues];
        for (int i = 0; i < queues; i++) {
            targets[i] = table.findOrCreate("Spread-" + i / 8, i % 8);
            put(i);
        }
    }

    @Benchmark
    public boolean putOneEntry() {
        int queue = next;
        next = queue + 1 == queues ? 0 : queue + 1;
        return put(queue);
    }

    private boolean put(int queue) {
        long offset = nextOffsets[queue];
        if (offset == SEGMENT_BYTES / ConsumeQueue.ENTRY_BYTES - 1) {
            // stay within the first segment: the figure is about entries, not segment creation
            offset = 0;
            targets[queue].truncateAfterCheckpoint(0, false);
        }
        nextOffsets[queue] = offset + 1;
        commitLogOffset += 1024;
        return targets[queue].put(offset, commitLogOffset, 1024, 7);
    }

    @TearDown(Level.Trial)
    public void close() {
        table.shutdown();
        BenchmarkStores.delete(dir);
    }
}
