package io.couriermq.remoting.netty.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.List;

/**
 * First handler of every server connection: looks at the first byte and applies the port's
 * {@link TlsMode}, then takes itself out of the pipeline. A TLS connection gets an {@code SslHandler} in
 * its place; a refused one is closed unanswered (the official server does the same, silently).
 *
 * <p>One byte is enough, as in the official server: a TLS connection starts with a handshake record,
 * 0x16; a remoting frame starts with the top byte of its 4-byte length, which is 0x00 for every frame
 * under 16 MiB and could only be 0x16 for a frame of at least 352 MiB, far above any frame limit.
 */
public final class TlsPolicyHandler extends ByteToMessageDecoder {
    /** TLS record content type "handshake": the first byte of every TLS client's first record. */
    public static final int TLS_HANDSHAKE_RECORD = 0x16;

    /** The name of the {@code SslHandler} put in this handler's place. */
    public static final String SSL_HANDLER_NAME = "ssl";

    private final TlsMode mode;
    private final SslContext context;
    private boolean refused;

    /** @param context the server's TLS context; null when {@code mode} is disabled */
    public TlsPolicyHandler(TlsMode mode, SslContext context) {
        if (mode != TlsMode.DISABLED && context == null) {
            throw new IllegalArgumentException("TLS mode " + mode + " needs a TLS context");
        }
        this.mode = mode;
        this.context = context;
    }

    /** Whether the first bytes of a connection start a TLS record rather than a remoting frame. */
    public static boolean startsTls(ByteBuf in) {
        return in.isReadable() && in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE_RECORD;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!in.isReadable()) {
            return;
        }
        boolean tls = startsTls(in);
        if (tls && mode != TlsMode.DISABLED) {
            ctx.pipeline().replace(this, SSL_HANDLER_NAME, context.newHandler(ctx.alloc()));
        } else if (!tls && mode != TlsMode.ENFORCING) {
            ctx.pipeline().remove(this);
        } else {
            refused = true;
            in.skipBytes(in.readableBytes());
            throw new TlsPolicyException(
                    tls
                            ? "a TLS handshake on a port where TLS is disabled (tls.server.mode=disabled)"
                            : "a plain connection on a port that requires TLS (tls.server.mode=enforcing)");
        }
    }
}
