package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.SslContexts;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.ProcessorRegistry;
import io.couriermq.remoting.rpc.RemotingConnectException;
import io.couriermq.remoting.rpc.RemotingException;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A remoting client: one connection per server address, opened on first use, shared by all calls
 * to that address. Calls are asynchronous underneath; {@link #invokeSync} only waits for the future.
 * Requests a server sends back on the same connection go to the processors registered here.
 *
 * <p>With TLS enabled every connection starts with an {@link SslHandler} and counts as open only once
 * its handshake succeeded, so a refused or failed handshake fails the call with the reason.
 */
public final class NettyRemotingClient implements AutoCloseable {
    private final RemotingClientConfig config;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslContext sslContext;
    private final CommandDispatcher dispatcher;
    private final ConnectionHandler connectionHandler;
    private final RemotingCommandEncoder encoder = new RemotingCommandEncoder();
    private final ProcessorRegistry processors = new ProcessorRegistry();
    private final RemotingChannels channels = new RemotingChannels("remoting-client");
    private final Map<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyRemotingClient(RemotingClientConfig config, ChannelEventListener listener) {
        this.config = config;
        Credentials credentials = config.credentials();
        if (credentials != null) {
            // every request leaves signed, as the official ACL hook does, on whatever path it is sent
            channels.outboundRequests(request -> RequestSignature.sign(request, credentials));
        }
        this.sslContext = config.tls().enabled() ? SslContexts.forClient(config.tls()) : null;
        this.dispatcher = new CommandDispatcher(processors, channels);
        this.connectionHandler = new ConnectionHandler("client", channels, listener);
        NettyTransport transport = NettyTransport.choose(config.preferEpoll());
        this.group = transport.newEventLoopGroup(config.workerThreads(), "remoting-client");
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMs());
    }

    /** The pipeline of one connection; the TLS engine needs the peer's host and port, hence one per connection. */
    private ChannelInitializer<Channel> pipeline(String host, int port) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                if (sslContext != null) {
                    channel.pipeline().addLast("ssl", sslHandler(channel, host, port));
                }
                channel.pipeline()
                        .addLast("idle", new IdleStateHandler(0, 0, config.idleTimeoutSeconds()))
                        .addLast("decoder", new RemotingCommandDecoder(config.maxFrameBytes()))
                        .addLast("encoder", encoder)
                        .addLast("connections", connectionHandler)
                        .addLast("dispatcher", dispatcher);
            }
        };
    }

    /** The peer's host and port let the engine check the server's name (the context says whether). */
    private SslHandler sslHandler(Channel channel, String host, int port) {
        return sslContext.newHandler(channel.alloc(), host, port);
    }

    /** Handles requests that servers send to this client (e.g. transaction checks). */
    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        processors.register(code, processor, executor);
    }

    public CompletableFuture<RemotingCommand> invokeAsync(String address, RemotingCommand request, long timeoutMs) {
        NettyRemotingChannel open = openChannel(address);
        if (open != null) {
            return open.invoke(request, timeoutMs);
        }
        return channel(address).thenCompose(channel -> channel.invoke(request, timeoutMs));
    }

    /** Sends and waits for the response. Throws {@link RemotingException} (or a subclass) on failure. */
    public RemotingCommand invokeSync(String address, RemotingCommand request, long timeoutMs) {
        try {
            return invokeAsync(address, request, timeoutMs).get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), address, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException("interrupted waiting for " + RequestCode.nameOf(request.code()), e);
        }
    }

    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request) {
        NettyRemotingChannel open = openChannel(address);
        if (open != null) {
            return open.invokeOneway(request);
        }
        return channel(address).thenCompose(channel -> channel.invokeOneway(request));
    }

    /** Closes the connection to {@code address}, if any; the next call opens a new one. */
    public void closeConnection(String address) {
        ChannelFuture connection = connections.remove(address);
        if (connection != null) {
            connection.channel().close();
        }
    }

    public int pendingRequests() {
        return channels.responses().size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channels.close("client shut down");
        connections.values().forEach(connection -> connection.channel().close());
        connections.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * The connection to {@code address} when it is already open: the common case takes no detour through
     * a listener, which Netty would run on the event loop and so cost a hand-off per request.
     */
    private NettyRemotingChannel openChannel(String address) {
        ChannelFuture connection = closed ? null : connections.get(address);
        if (connection == null
                || !connection.isSuccess()
                || !connection.channel().isActive()) {
            return null;
        }
        return channels.of(connection.channel());
    }

    private CompletableFuture<NettyRemotingChannel> channel(String address) {
        if (closed) {
            return CompletableFuture.failedFuture(new RemotingException("client is shut down"));
        }
        ChannelFuture connection = connections.computeIfAbsent(address, this::connect);
        CompletableFuture<NettyRemotingChannel> ready = new CompletableFuture<>();
        connection.addListener(done -> {
            if (done.isSuccess() && connection.channel().isActive()) {
                whenHandshaken(address, connection, ready);
            } else {
                connections.remove(address, connection);
                ready.completeExceptionally(new RemotingConnectException(
                        "cannot connect to " + address + ": " + describe(done.cause()), done.cause()));
            }
        });
        return ready;
    }

    /** Completes {@code ready} at once on a plain connection, after a successful handshake on a TLS one. */
    private void whenHandshaken(
            String address, ChannelFuture connection, CompletableFuture<NettyRemotingChannel> ready) {
        SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
        if (ssl == null) {
            ready.complete(channels.of(connection.channel()));
            return;
        }
        ssl.handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                ready.complete(channels.of(connection.channel()));
            } else {
                connections.remove(address, connection);
                connection.channel().close();
                ready.completeExceptionally(new RemotingConnectException(
                        "TLS handshake with " + address + " failed: " + describe(handshake.cause()),
                        handshake.cause()));
            }
        });
    }

    private ChannelFuture connect(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, was '" + address + "'");
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(address.substring(colon + 1));
        ChannelFuture connection =
                bootstrap.clone().handler(pipeline(host, port)).connect(host, port);
        connection.channel().closeFuture().addListener(closedFuture -> connections.remove(address, connection));
        return connection;
    }

    private static RemotingException unwrap(Throwable failure, String address, RemotingCommand request) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RemotingException remoting) {
            return remoting;
        }
        return new RemotingException(
                RequestCode.nameOf(request.code()) + " to " + address + " failed: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "connection closed" : cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
