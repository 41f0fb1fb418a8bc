package io.couriermq.remoting.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.fuzz.Fuzz;
import io.couriermq.common.fuzz.Mutator;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RemotingFrames#decode} with both header codecs over frames written by the codecs and then
 * mutated: a frame decodes or throws {@link RemotingDecodingException}; a valid one decodes to what
 * was encoded.
 */
class FrameFuzzTest {
    private static final int INPUTS = 10_000;

    @Test
    void mutatedFramesDecodeOrAreRefused() {
        Fuzz.of("frame + header codecs", FrameFuzzTest::mutatedFrame)
                .expecting(RemotingDecodingException.class)
                .allocationBound(bytes -> bytes.length, 8)
                .run(INPUTS, bytes -> RemotingFrames.decode(Unpooled.wrappedBuffer(bytes)));
    }

    @Test
    void validFramesRoundTrip() {
        Fuzz.of("frame round trip", SampleCommands::command).run(INPUTS / 10, command -> {
            byte[] frame = SampleCommands.frame(command);
            RemotingCommand decoded = RemotingFrames.decode(Unpooled.wrappedBuffer(frame, 4, frame.length - 4));
            assertThat(decoded.code()).isEqualTo(command.code());
            assertThat(decoded.opaque()).isEqualTo(command.opaque());
            assertThat(decoded.flag()).isEqualTo(command.flag());
            assertThat(decoded.language()).isEqualTo(command.language());
            assertThat(decoded.version()).isEqualTo(command.version());
            assertThat(decoded.serializeType()).isEqualTo(command.serializeType());
            assertThat(decoded.extFields()).isEqualTo(command.extFields());
            assertThat(decoded.body()).isEqualTo(command.body());
        });
    }

    /** A frame without its length field (the frame decoder strips it), mutated. */
    private static byte[] mutatedFrame(SplittableRandom random) {
        byte[] frame = SampleCommands.frame(SampleCommands.command(random));
        return Mutator.mutateOneOf(List.of(Arrays.copyOfRange(frame, 4, frame.length)), random, 512);
    }
}
