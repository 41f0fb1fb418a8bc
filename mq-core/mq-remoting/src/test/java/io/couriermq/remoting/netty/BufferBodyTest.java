package io.couriermq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A zero-copy body goes out byte for byte like a copied one, and is released once written. */
class BufferBodyTest {
    private static final byte[] FIRST = "first record|".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "second record".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBufferBodyIsEncodedExactlyLikeTheSameBytesInAnArray() {
        RemotingCommand request = RemotingCommand.request(11).build();
        RemotingCommand zeroCopy = RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .bufferBody(new BufferBody(List.of(ByteBuffer.wrap(FIRST), ByteBuffer.wrap(SECOND)), () -> {}))
                .build();
        RemotingCommand copied = RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body((new String(FIRST, StandardCharsets.UTF_8) + new String(SECOND, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        EmbeddedChannel channel = new EmbeddedChannel(new RemotingCommandEncoder());

        channel.writeOutbound(zeroCopy);
        ByteBuf head = channel.readOutbound();
        ByteBuf body = channel.readOutbound();
        ByteBuf expected = Unpooled.buffer();
        RemotingFrames.encode(copied, expected);

        try {
            assertThat(ByteBufUtil.getBytes(Unpooled.wrappedBuffer(head.retain(), body.retain())))
                    .isEqualTo(ByteBufUtil.getBytes(expected));
            assertThat(body.readableBytes()).isEqualTo(FIRST.length + SECOND.length);
        } finally {
            head.release(2);
            body.release(2);
            expected.release();
            channel.finishAndReleaseAll();
        }
    }
}
