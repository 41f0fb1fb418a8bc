package io.couriermq.benchmarks.store;

import io.couriermq.common.message.Message;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.PutResult;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends of 1 KiB records with ASYNC_FLUSH from one thread. Throughput in ops/s times 1 KiB is the
 * append bandwidth, to compare with {@code dd if=/dev/zero of=FILE bs=1M count=2048 conv=fdatasync}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class AsyncAppendBenchmark {
    private Path dir;
    private FileMessageStore store;
    private Message message;

    @Setup(Level.Trial)
    public void open() {
        dir = BenchmarkStores.newDirectory();
        store = BenchmarkStores.open(dir, FlushDiskType.ASYNC_FLUSH);
        message = BenchmarkStores.oneKibMessage("BenchTopic", 0);
    }

    @Benchmark
    public PutResult append() {
        return store.putMessage(message).join();
    }

    @TearDown(Level.Trial)
    public void close() {
        store.shutdown();
        BenchmarkStores.delete(dir);
    }
}
