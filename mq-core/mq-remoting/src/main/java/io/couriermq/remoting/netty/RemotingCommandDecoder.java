package io.couriermq.remoting.netty;

import io.couriermq.remoting.protocol.codec.RemotingFrames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the byte stream into frames by their 4-byte length and decodes each into a command. A length
 * that is negative or above the limit fails at once, before any buffer of that size exists. After the
 * first bad frame the rest of the stream is discarded: the connection is being closed, and one error
 * per connection is enough.
 */
final class RemotingCommandDecoder extends LengthFieldBasedFrameDecoder {
    private static final int LENGTH_FIELD_BYTES = 4;

    private final FrameBudget budget;
    private boolean corrupted;
    private long accounted;

    RemotingCommandDecoder(int maxFrameBytes) {
        this(maxFrameBytes, null);
    }

    /** With {@code budget}, the bytes of this connection's incomplete frame count against the port's total. */
    RemotingCommandDecoder(int maxFrameBytes, FrameBudget budget) {
        // The frame decoder's limit counts the length field too; saturate so that the largest limit the
        // configs accept (Integer.MAX_VALUE) does not overflow into an invalid negative one.
        super(
                (int) Math.min((long) maxFrameBytes + LENGTH_FIELD_BYTES, Integer.MAX_VALUE),
                0,
                LENGTH_FIELD_BYTES,
                0,
                LENGTH_FIELD_BYTES,
                true);
        this.budget = budget;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        if (budget == null) {
            return;
        }
        long buffered = internalBuffer().readableBytes();
        long total = budget.adjust(buffered - accounted);
        accounted = buffered;
        if (buffered > 0 && total > budget.limit() && !corrupted) {
            // This read took the port over its bound: the connection holding the new bytes goes.
            markCorrupted(internalBuffer());
            budget.refused(ctx.channel().remoteAddress(), buffered, total);
            ctx.close();
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
        if (budget != null) {
            budget.adjust(-accounted);
            accounted = 0;
        }
        super.handlerRemoved0(ctx);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (corrupted) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        ByteBuf frame;
        try {
            frame = (ByteBuf) super.decode(ctx, in);
        } catch (Exception e) {
            markCorrupted(in);
            throw e;
        }
        if (frame == null) {
            return null;
        }
        try {
            return RemotingFrames.decode(frame);
        } catch (RuntimeException e) {
            markCorrupted(in);
            throw e;
        } finally {
            frame.release();
        }
    }

    private void markCorrupted(ByteBuf in) {
        corrupted = true;
        in.skipBytes(in.readableBytes());
    }
}
