package io.couriermq.remoting.netty;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import io.couriermq.remoting.protocol.codec.SampleCommands;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
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
        EmbeddedChannel channel = new EmbeddedChannel(new RemotingCommandDecoder(MAX_FRAME_BYTES));
        channel.config().setAllocator(UnpooledByteBufAllocator.DEFAULT);
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
