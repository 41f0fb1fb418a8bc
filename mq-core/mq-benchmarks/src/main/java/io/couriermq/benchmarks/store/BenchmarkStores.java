package io.couriermq.benchmarks.store;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.codec.MessageEncoder;
import io.couriermq.common.time.Clock;
import io.couriermq.store.FlushDiskType;
import io.couriermq.store.StoreConfig;
import io.couriermq.store.engine.FileMessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Stores and messages shared by the store benchmarks. */
final class BenchmarkStores {
    /** Every benchmark record is exactly this big, header included. */
    static final int RECORD_BYTES = 1024;

    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private BenchmarkStores() {}

    /** A store in a fresh directory under {@code java.io.tmpdir} (point it at the disk to measure). */
    static FileMessageStore open(Path dir, FlushDiskType flushDiskType) {
        StoreConfig config = StoreConfig.builder(dir)
                .flushDiskType(flushDiskType)
                .mappedFileSizeCommitLog(256 * 1024 * 1024)
                .build();
        return FileMessageStore.open(config, Clock.system());
    }

    static Path newDirectory() {
        try {
            return Files.createTempDirectory("couriermq-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message whose stored record is exactly {@link #RECORD_BYTES}. */
    static Message oneKibMessage(String topic, int queueId) {
        Message empty = message(topic, queueId, new byte[0]);
        int overhead = MessageEncoder.encode(empty, ByteBuffer.allocate(RECORD_BYTES), RECORD_BYTES);
        byte[] body = new byte[RECORD_BYTES - overhead];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return message(topic, queueId, body);
    }

    private static Message message(String topic, int queueId, byte[] body) {
        return Message.builder(topic, queueId)
                .body(body)
                .tags("TagA")
                .bornHost(HOST)
                .storeHost(HOST)
                .build();
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
