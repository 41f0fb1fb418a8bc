package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.TlsPolicyException;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection lifecycle: reports connects and closes, closes idle connections, and turns any decoding
 * error into one log line and a closed connection. A closed connection fails the requests that still
 * wait on it.
 */
@ChannelHandler.Sharable
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final String side;
    private final RemotingChannels channels;
    private final ChannelEventListener listener;

    ConnectionHandler(String side, RemotingChannels channels, ChannelEventListener listener) {
        this.side = side;
        this.channels = channels;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        NettyRemotingChannel channel = channels.of(ctx.channel());
        log.debug("{}: connection {} open", side, channel);
        listener.onConnected(channel);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        NettyRemotingChannel channel = channels.of(ctx.channel());
        log.debug("{}: connection {} closed", side, channel);
        channels.responses().failChannel(channel);
        listener.onClosed(channel);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            log.info(
                    "{}: closing connection {}: idle for too long",
                    side,
                    NettyRemotingChannel.format(ctx.channel().remoteAddress()));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String peer = NettyRemotingChannel.format(ctx.channel().remoteAddress());
        SSLException tlsFailure = tlsFailure(cause);
        if (cause instanceof TlsPolicyException) {
            log.warn("{}: closing connection {}: {}", side, peer, cause.getMessage());
        } else if (tlsFailure != null) {
            log.warn("{}: closing connection {}: TLS failed: {}", side, peer, tlsFailure.getMessage());
        } else if (cause instanceof DecoderException) {
            // Netty wraps a non-decoder exception thrown while decoding; its own subclasses say it all.
            Throwable reason =
                    cause.getClass() == DecoderException.class && cause.getCause() != null ? cause.getCause() : cause;
            log.warn("{}: closing connection {}: malformed frame: {}", side, peer, reason.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("{}: connection {} failed: {}", side, peer, cause.toString());
        } else {
            log.warn("{}: closing connection {} after an unexpected error", side, peer, cause);
        }
        ctx.close();
    }

    /** The TLS error behind {@code cause} (SslHandler wraps handshake failures in a DecoderException). */
    private static SSLException tlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
