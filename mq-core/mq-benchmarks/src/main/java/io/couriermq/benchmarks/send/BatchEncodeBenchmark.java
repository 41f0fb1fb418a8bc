package io.couriermq.benchmarks.send;

import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.codec.BatchCodec;
import io.couriermq.common.message.codec.BatchEntry;
import io.couriermq.common.message.codec.MessageEncoder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the broker does with one SEND_BATCH_MESSAGE of 64 x 1 KiB before the append lock: decode the batch
 * body, build a message per entry, encode each into the record layout. {@code copying} is the baseline,
 * the way before issue 15: each body copied out of its entry and again into the message, and the CRC
 * taken from the message's read-only body view (which CRC32 copies through a scratch array). It restores
 * two of the four per-body copies that were removed and the CRC scratch copy, so it understates the gain.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class BatchEncodeBenchmark {
    private static final int MESSAGES = 64;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private byte[] requestBody;
    private ByteBuffer encoded;

    @Setup
    public void prepare() {
        List<BatchEntry> entries = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            byte[] body = new byte[1024];
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) ('a' + (b + i) % 26);
            }
            entries.add(new BatchEntry(
                    0,
                    body,
                    Map.of(
                            MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY,
                            "7F00000100002A9F0000000000" + i,
                            MessageConst.TAGS,
                            "TagA")));
        }
        ByteBuffer batch = BatchCodec.encode(entries);
        requestBody = new byte[batch.remaining()];
        batch.get(requestBody);
        encoded = ByteBuffer.allocate(MESSAGES * 2048);
    }

    @Benchmark
    public int viewing() {
        encoded.clear();
        for (BatchEntry entry : BatchCodec.decode(ByteBuffer.wrap(requestBody))) {
            MessageEncoder.encode(message(entry).body(entry.bodyView()).build(), encoded, 4 << 20);
        }
        return encoded.position();
    }

    @Benchmark
    public int copying() {
        encoded.clear();
        for (BatchEntry entry : BatchCodec.decode(ByteBuffer.wrap(requestBody))) {
            Message message = message(entry).body(entry.body()).build();
            int crc = MessageEncoder.bodyCrc(message.body());
            MessageEncoder.encode(message, encoded, 4 << 20);
            encoded.putInt(encoded.position() - 1, crc); // keep the baseline's CRC alive
        }
        return encoded.position();
    }

    private static Message.Builder message(BatchEntry entry) {
        Map<String, String> properties = new LinkedHashMap<>(entry.properties());
        properties.put(MessageConst.CLUSTER, "DefaultCluster");
        return Message.builder("BenchTopic", 0)
                .flag(entry.flag())
                .properties(properties)
                .bornHost(HOST)
                .storeHost(HOST);
    }
}
