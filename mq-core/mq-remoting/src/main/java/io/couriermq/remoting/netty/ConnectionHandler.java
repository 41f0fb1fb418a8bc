package io.couriermq.remoting.netty;

import io.couriermq.remoting.logging.RateLimitedLog;
import io.couriermq.remoting.netty.tls.TlsPolicyException;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection lifecycle: reports connects and closes, closes idle connections, and turns any decoding
 * error into a closed connection and one log line without a stack trace. Those lines are rate-limited
 * per cause ({@link RateLimitedLog}): a flood of bad connections logs the first of each kind and a
 * count a minute, not a line each. A closed connection fails the requests that still wait on it.
 */
@ChannelHandler.Sharable
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    static final Duration LOG_WINDOW = Duration.ofMinutes(1);

    private final String side;
    private final RemotingChannels channels;
    private final ChannelEventListener listener;
    private final RateLimitedLog badConnections;

    ConnectionHandler(String side, RemotingChannels channels, ChannelEventListener listener) {
        this.side = side;
        this.channels = channels;
        this.listener = listener;
        this.badConnections = new RateLimitedLog(log, LOG_WINDOW);
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
            badConnections.warn("TLS policy", "{}: closing connection {}: {}", side, peer, cause.getMessage());
        } else if (tlsFailure != null) {
            badConnections.warn(
                    "TLS failure", "{}: closing connection {}: TLS failed: {}", side, peer, tlsFailure.getMessage());
        } else if (cause instanceof DecoderException) {
            // Netty wraps a non-decoder exception thrown while decoding; its own subclasses say it all.
            Throwable reason =
                    cause.getClass() == DecoderException.class && cause.getCause() != null ? cause.getCause() : cause;
            badConnections.warn(
                    "malformed frame: " + reason.getClass().getSimpleName(),
                    "{}: closing connection {}: malformed frame: {}",
                    side,
                    peer,
                    reason.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("{}: connection {} failed: {}", side, peer, cause.toString());
        } else {
            badConnections.warn(
                    "unexpected error: " + cause.getClass().getName(),
                    "{}: closing connection {} after an unexpected error",
                    side,
                    peer,
                    cause);
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
