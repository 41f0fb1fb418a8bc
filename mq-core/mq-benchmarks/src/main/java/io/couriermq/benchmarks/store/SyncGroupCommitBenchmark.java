package io.couriermq.benchmarks.store;

import io.couriermq.common.message.Message;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.PutResult;
import io.couriermq.store.StoreStats;
import io.couriermq.store.engine.FileMessageStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 32 writers appending 1 KiB records with SYNC_FLUSH, each waiting for its group commit. Besides
 * appends/s, the trial prints the group-commit factor (acknowledged appends per fsync); the target is
 * at least 20.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(32)
public class SyncGroupCommitBenchmark {
    private static final Logger REPORT = LoggerFactory.getLogger("io.couriermq.benchmarks.report");

    private Path dir;
    private FileMessageStore store;
    private Message message;

    @Setup(Level.Trial)
    public void open() {
        dir = BenchmarkStores.newDirectory();
        store = BenchmarkStores.open(dir, FlushDiskType.SYNC_FLUSH);
        message = BenchmarkStores.oneKibMessage("BenchTopic", 0);
    }

    @Benchmark
    public PutResult append() {
        return store.putMessage(message).join();
    }

    @TearDown(Level.Trial)
    public void close() {
        StoreStats stats = store.stats();
        // JMH has no per-trial ratio output; this line lands in the run log next to the scores.
        REPORT.info(
                "group commit: {} appends, {} fsyncs, {} appends per fsync",
                stats.putCount(),
                stats.forceCount(),
                String.format("%.1f", stats.appendsPerForce()));
        store.shutdown();
        BenchmarkStores.delete(dir);
    }
}
