package io.couriermq.benchmarks.store;

import io.couriermq.common.message.Message;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.PutResult;
import io.couriermq.store.engine.FileMessageStore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
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
 * 64 x 1 KiB records with ASYNC_FLUSH from one thread: one batch put (one lock, one copy into the segment)
 * against 64 single puts as the baseline, in the same run. Each operation is 64 messages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class BatchAppendBenchmark {
    private static final int MESSAGES = 64;

    private Path dir;
    private FileMessageStore store;
    private List<Message> batch;

    @Setup(Level.Trial)
    public void open() {
        dir = BenchmarkStores.newDirectory();
        store = BenchmarkStores.open(dir, FlushDiskType.ASYNC_FLUSH);
        batch = Collections.nCopies(MESSAGES, BenchmarkStores.oneKibMessage("BenchTopic", 0));
    }

    @Benchmark
    public PutResult batchPut() {
        return store.putMessages(batch).join();
    }

    @Benchmark
    public PutResult singlePuts() {
        PutResult last = null;
        for (Message message : batch) {
            last = store.putMessage(message).join();
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void close() {
        store.shutdown();
        BenchmarkStores.delete(dir);
    }
}
