package io.couriermq.remoting.netty;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import io.couriermq.remoting.protocol.codec.SampleCommands;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The network frame decoder over streams of a few frames (valid ones written by the codecs, then
 * mutated, length fields included) arriving in random chunks. Bad input ends in the decoder's own
 * refusals ({@link CorruptedFrameException}, {@link TooLongFrameException}); anything else, e.g. a
 * {@code DecoderException} wrapping an {@code IndexOutOfBoundsException}, is a bug.
 */
class RemotingCommandDecoderFuzzTest {
    private static final int INPUTS = 10_000;
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    @Test
    void mutatedStreamsDecodeOrCloseWithTheDecodersOwnError() {
        Fuzz.of("frame decoder (stream)", RemotingCommandDecoderFuzzTest::stream)
                .expecting(CorruptedFrameException.class, TooLongFrameException.class)
                .allocationBound(bytes -> bytes.length, 16)
                .run(INPUTS, RemotingCommandDecoderFuzzTest::feed);
    }

    private static void feed(byte[] stream) {
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel(new RemotingCommandDecoder(MAX_FRAME_BYTES));
        channel.config().setAllocator(allocator);
        // chunk sizes come from the stream itself, so a failing input replays the same way
        try {
            int at = 0;
            int chunk = 1;
            while (at < stream.length) {
                int length = Math.min(stream.length - at, chunk);
                channel.writeInbound(Unpooled.wrappedBuffer(stream, at, length));
                at += length;
                chunk = 1 + (stream[at - 1] & 0x3F) * 8;
            }
        } finally {
            channel.finishAndReleaseAll();
            allocator.assertAllReleased();
        }
    }

    /**
     * Heap buffers that are checked for leaks when the channel is gone: a real assertion, and much
     * cheaper than the paranoid leak detector (which only logs), so it is turned off for these.
     */
    private static final class TrackingAllocator extends AbstractByteBufAllocator {
        private final List<ByteBuf> buffers = new ArrayList<>();

        TrackingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        private ByteBuf track(ByteBuf buffer) {
            buffers.add(buffer);
            return buffer;
        }

        void assertAllReleased() {
            for (ByteBuf buffer : buffers) {
                if (buffer.refCnt() != 0) {
                    throw new AssertionError("a buffer of " + buffer.capacity() + " bytes was not released");
                }
            }
        }
    }

    private static byte[] stream(SplittableRandom random) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            frames.writeBytes(SampleCommands.frame(SampleCommands.command(random)));
        }
        return random.nextInt(10) == 0
                ? Mutator.randomBytes(random, 512)
                : Mutator.mutate(frames.toByteArray(), random);
    }
}
