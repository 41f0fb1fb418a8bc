package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes commands as frames. A byte[] body is copied into the frame buffer with the header; a
 * {@link BufferBody} (mapped-file slices) follows the header as wrapped buffers, never copied.
 * Stateless, so one instance serves every channel.
 */
@ChannelHandler.Sharable
final class RemotingCommandEncoder extends MessageToMessageEncoder<RemotingCommand> {
    private static final int HEADER_ESTIMATE_BYTES = 256;

    RemotingCommandEncoder() {
        super(RemotingCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, List<Object> out) {
        BufferBody bufferBody = command.bufferBody();
        int bodyInFrame = bufferBody == null ? command.body().length : 0;
        ByteBuf head = ctx.alloc().ioBuffer(RemotingFrames.PREFIX_BYTES + HEADER_ESTIMATE_BYTES + bodyInFrame);
        try {
            RemotingFrames.encodeHead(command, head);
            if (bufferBody == null) {
                head.writeBytes(command.body());
            }
        } catch (RuntimeException e) {
            head.release();
            throw e;
        }
        out.add(head);
        if (bufferBody != null && bufferBody.length() > 0) {
            out.add(Unpooled.wrappedBuffer(bufferBody.buffers().toArray(ByteBuffer[]::new)));
        }
    }
}
