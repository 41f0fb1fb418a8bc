package io.couriermq.benchmarks.store;

import io.couriermq.common.message.Message;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A consumer reading a queue front to back in pulls of 32 messages (1 KiB each), touching every byte of
 * the zero-copy slices as a network write would. ops/s x 32 KiB is the read bandwidth.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SequentialReadBenchmark {
    private static final int MESSAGES = 256 * 1024;
    private static final int PULL_BATCH = 32;

    private Path dir;
    private FileMessageStore store;
    private long offset;

    @Setup(Level.Trial)
    public void fill() {
        dir = BenchmarkStores.newDirectory();
        store = BenchmarkStores.open(dir, FlushDiskType.ASYNC_FLUSH);
        List<Message> batch = Collections.nCopies(PULL_BATCH, BenchmarkStores.oneKibMessage("BenchTopic", 0));
        for (int i = 0; i < MESSAGES / PULL_BATCH; i++) {
            store.putMessages(batch).join();
        }
        while (store.maxOffset("BenchTopic", 0) < MESSAGES) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    public void pull(Blackhole blackhole) {
        try (GetResult result = store.getMessages("BenchTopic", 0, offset, PULL_BATCH, MessageFilter.ALL)) {
            result.records().forEach(slice -> {
                var bytes = slice.buffer();
                long sum = 0;
                while (bytes.remaining() >= 8) {
                    sum += bytes.getLong();
                }
                blackhole.consume(sum);
            });
            offset = result.nextBeginOffset() >= MESSAGES ? 0 : result.nextBeginOffset();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.shutdown();
        BenchmarkStores.delete(dir);
    }
}
