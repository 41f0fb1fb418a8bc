package io.couriermq.remoting.netty;

import static io.couriermq.remoting.netty.EmbeddedRemoting.pooled;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.testing.Bytes;
import io.couriermq.remoting.testing.LogCapture;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The max frame size is enforced from the 4-byte length alone: nothing of the announced size is awaited or allocated. */
class OversizedFrameTest {
    private static final int MAX_FRAME_BYTES = 2048;

    private final EmbeddedRemoting remoting = new EmbeddedRemoting();
    private final List<RemotingCommand> processed = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        logs = LogCapture.of(ConnectionHandler.class);
        remoting.register(34, (context, request) -> {
            processed.add(request);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
        });
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    @Test
    void oneGibLengthClosesTheConnectionAfterFourBytesWithoutAllocatingIt() {
        EmbeddedChannel channel = remoting.newChannel();
        RecordingAllocator allocator = new RecordingAllocator();
        channel.config().setAllocator(allocator);
        ByteBuf lengthOnly = pooled(Bytes.hex("40000000"));

        channel.writeInbound(lengthOnly);

        assertThat(channel.isOpen()).isFalse();
        channel.checkException();
        assertThat(lengthOnly.refCnt()).isZero();
        assertThat(allocator.largestRequestBytes).as("largest buffer asked for").isLessThan(64 * 1024);
        assertThat(logs.warnings()).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains("malformed frame")
                .contains("1073741828"));
    }

    @Test
    void lengthOfExactlyTheDefaultMaxIsAwaitedNotRejected() {
        EmbeddedChannel channel = remoting.newChannel();
        ByteBuf lengthOnly = pooled(Bytes.hex("01000000"));

        channel.writeInbound(lengthOnly);

        assertThat(channel.isOpen()).as("16 MiB is allowed by default").isTrue();
        assertThat(channel.finishAndReleaseAll()).isFalse();
        assertThat(lengthOnly.refCnt()).as("partial frame released on close").isZero();
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void lengthOneAboveTheDefaultMaxIsRejected() {
        EmbeddedChannel channel = remoting.newChannel();

        channel.writeInbound(pooled(Bytes.hex("01000001")));

        assertThat(channel.isOpen()).isFalse();
        assertThat(logs.warnings()).hasSize(1);
    }

    @Test
    void frameOfExactlyTheConfiguredMaxIsProcessed() {
        EmbeddedChannel channel = remoting.newChannel(MAX_FRAME_BYTES);
        byte[] frame = heartbeatWithFrameLength(MAX_FRAME_BYTES);

        channel.writeInbound(pooled(frame));

        assertThat(channel.isOpen()).isTrue();
        assertThat(processed).singleElement().satisfies(request -> assertThat(request.body())
                .hasSize(frame.length - 8 - headerLength(frame)));
        assertThat(EmbeddedRemoting.readWritten(channel).code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(logs.warnings()).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void frameOneByteOverTheConfiguredMaxClosesTheConnectionOnItsLengthField() {
        EmbeddedChannel channel = remoting.newChannel(MAX_FRAME_BYTES);
        byte[] frame = heartbeatWithFrameLength(MAX_FRAME_BYTES + 1);
        ByteBuf lengthOnly = pooled(java.util.Arrays.copyOf(frame, 4));

        channel.writeInbound(lengthOnly);

        assertThat(channel.isOpen()).isFalse();
        channel.checkException();
        assertThat(lengthOnly.refCnt()).isZero();
        assertThat(processed).isEmpty();
        assertThat(logs.warnings()).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .contains("malformed frame"));
    }

    @Test
    void largestMaxFrameTheConfigAcceptsStillGivesAWorkingDecoder() {
        RemotingServerConfig config = LocalRemoting.serverConfig().withMaxFrameBytes(Integer.MAX_VALUE);
        EmbeddedChannel channel = remoting.newChannel(config.maxFrameBytes());

        channel.writeInbound(pooled(heartbeatWithFrameLength(MAX_FRAME_BYTES)));

        assertThat(channel.isOpen()).isTrue();
        assertThat(processed).hasSize(1);
        channel.finishAndReleaseAll();
    }

    /** A HEART_BEAT request whose length field is exactly {@code frameLength}, padded with body bytes. */
    private static byte[] heartbeatWithFrameLength(int frameLength) {
        byte[] empty = Bytes.encode(RemotingCommand.request(34).build());
        int bodyBytes = frameLength - (empty.length - 4);
        byte[] frame = Bytes.encode(
                RemotingCommand.request(34).body(new byte[bodyBytes]).build());
        assertThat(java.nio.ByteBuffer.wrap(frame).getInt()).isEqualTo(frameLength);
        return frame;
    }

    private static int headerLength(byte[] frame) {
        return java.nio.ByteBuffer.wrap(frame).getInt(4) & 0xFFFFFF;
    }

    /** Remembers the largest buffer any handler asked the channel's allocator for. */
    private static final class RecordingAllocator extends AbstractByteBufAllocator {
        volatile int largestRequestBytes;

        RecordingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            largestRequestBytes = Math.max(largestRequestBytes, initialCapacity);
            return Unpooled.buffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            largestRequestBytes = Math.max(largestRequestBytes, initialCapacity);
            return Unpooled.directBuffer(initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }
}
