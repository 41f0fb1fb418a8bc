package io.couriermq.benchmarks.remoting;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Encode and decode of the two hottest request headers, SEND_MESSAGE_V2 and PULL_MESSAGE, in the JSON
 * and the binary ROCKETMQ header, into and out of a pooled buffer as the Netty pipeline does. The
 * body is empty so the figures are the header's cost; decode includes building the RemotingCommand
 * and its ext-field map.
 *
 * <p>Run: {@code java -jar mq-core/mq-benchmarks/target/benchmarks.jar HeaderCodecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class HeaderCodecBenchmark {

    /** The request whose header is coded. */
    public enum Header {
        SEND_MESSAGE_V2,
        PULL_MESSAGE
    }

    /** Where the frame lives: pooled direct is what the socket I/O path uses, pooled heap is the alternative. */
    public enum Buffer {
        POOLED_DIRECT,
        POOLED_HEAP
    }

    @Param
    public Header header;

    @Param
    public SerializeType serializeType;

    @Param({"POOLED_DIRECT"})
    public Buffer buffer;

    private RemotingCommand command;
    private ByteBuf encodeTarget;
    private ByteBuf encodedFrame;

    @Setup(Level.Trial)
    public void setUp() {
        command = (header == Header.SEND_MESSAGE_V2 ? sendMessageV2() : pullMessage())
                .serializeType(serializeType)
                .build();
        encodeTarget = allocate();
        encodedFrame = allocate();
        RemotingFrames.encode(command, encodedFrame);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encodeTarget.release();
        encodedFrame.release();
    }

    @Benchmark
    public ByteBuf encode() {
        encodeTarget.clear();
        RemotingFrames.encode(command, encodeTarget);
        return encodeTarget;
    }

    @Benchmark
    public RemotingCommand decode() {
        // skip the 4-byte length field, as the Netty frame decoder does
        encodedFrame.readerIndex(4);
        return RemotingFrames.decode(encodedFrame);
    }

    private ByteBuf allocate() {
        return buffer == Buffer.POOLED_DIRECT
                ? PooledByteBufAllocator.DEFAULT.directBuffer(1024)
                : PooledByteBufAllocator.DEFAULT.heapBuffer(1024);
    }

    /** The ext fields a..n of the official 5.2.0 producer (remoting-protocol.md §2.3.2), with a properties string. */
    private static RemotingCommand.Builder sendMessageV2() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "please_rename_unique_group_name");
        fields.put("b", "TopicTest");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "1");
        fields.put("f", "0");
        fields.put("g", "1700000000000");
        fields.put("h", "0");
        fields.put(
                "i",
                "TAGS\u0001TagA\u0002KEYS\u0001OrderID188\u0002WAIT\u0001true\u0002"
                        + "UNIQ_KEY\u00017F00000100012A9F0000000000000000\u0002");
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2).extFields(fields);
    }

    /** The PULL_MESSAGE header of remoting-protocol.md Appendix A. */
    private static RemotingCommand.Builder pullMessage() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("queueId", "0");
        fields.put("maxMsgBytes", "2147483647");
        fields.put("maxMsgNums", "32");
        fields.put("sysFlag", "2");
        fields.put("suspendTimeoutMillis", "15000");
        fields.put("commitOffset", "0");
        fields.put("bname", "broker-a");
        fields.put("topic", "TopicTest");
        fields.put("queueOffset", "0");
        fields.put("expressionType", "TAG");
        fields.put("subVersion", "1700000000000");
        fields.put("consumerGroup", "cg");
        return RemotingCommand.request(RequestCode.PULL_MESSAGE).extFields(fields);
    }
}
