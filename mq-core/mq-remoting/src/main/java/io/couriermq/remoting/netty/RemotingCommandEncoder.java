package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes commands as frames. Stateless, so one instance serves every channel. */
@ChannelHandler.Sharable
final class RemotingCommandEncoder extends MessageToByteEncoder<RemotingCommand> {
    private static final int HEADER_ESTIMATE_BYTES = 256;

    RemotingCommandEncoder() {
        super(RemotingCommand.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RemotingCommand command, boolean preferDirect) {
        int estimate = RemotingFrames.PREFIX_BYTES + HEADER_ESTIMATE_BYTES + command.body().length;
        return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, ByteBuf out) {
        RemotingFrames.encode(command, out);
    }
}
