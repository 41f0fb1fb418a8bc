package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.SslContexts;
import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsPolicyHandler;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.ProcessorRegistry;
import io.couriermq.remoting.rpc.RequestGuard;
import io.couriermq.remoting.rpc.RequestObserver;
import io.couriermq.remoting.rpc.RequestProcessor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting server: accepts connections, decodes commands and runs each request on the executor of
 * its processor. Shutdown stops accepting, stops reading, lets the requests already taken be
 * answered (up to the grace period), fails the server's own calls still waiting, then closes.
 *
 * <p>Every connection starts with a {@link TlsPolicyHandler} that applies the port's TLS mode to the
 * first byte. The TLS context is built in the constructor, so a bad key file fails before anything
 * listens.
 */
public final class NettyRemotingServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NettyRemotingServer.class);

    private final RemotingServerConfig config;
    private final NettyTransport transport;
    private final ProcessorRegistry processors = new ProcessorRegistry();
    private final RemotingChannels remotingChannels = new RemotingChannels("remoting-server");
    private final CommandDispatcher dispatcher;
    private final ConnectionLimiter connectionLimiter;
    private final FrameBudget frameBudget;
    private final RemotingCommandEncoder encoder = new RemotingCommandEncoder();
    private final ConnectionHandler connections;
    private final SslContext sslContext;
    private final List<ExecutorService> executors = new CopyOnWriteArrayList<>();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    public NettyRemotingServer(RemotingServerConfig config, ChannelEventListener listener) {
        this.config = config;
        this.transport = NettyTransport.choose(config.preferEpoll());
        this.connections = new ConnectionHandler("server", remotingChannels, listener);
        ServerLimits limits = config.limits();
        this.dispatcher = new CommandDispatcher(processors, remotingChannels, PendingRequests.of(limits), true);
        this.connectionLimiter = new ConnectionLimiter(limits);
        this.frameBudget = new FrameBudget(limits.maxBufferedFrameBytes(), config.maxFrameBytes());
        this.sslContext = config.tls().mode() == TlsMode.DISABLED ? null : SslContexts.forServer(config.tls());
    }

    /**
     * A bounded executor owned by this server and shut down with it. A request arriving while its
     * queue is full is answered SYSTEM_BUSY rather than queued without limit.
     */
    public ExecutorService newProcessorExecutor(String name, int threads, int queueCapacity) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                new DefaultThreadFactory(name, true));
        executors.add(executor);
        return executor;
    }

    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        processors.register(code, processor, executor);
    }

    public void registerProcessor(RequestCode code, RequestProcessor processor, ExecutorService executor) {
        registerProcessor(code.code(), processor, executor);
    }

    public void requestObserver(RequestObserver observer) {
        dispatcher.observer(observer);
    }

    /** Checks every request before its processor runs (access control); the default lets all through. */
    public void requestGuard(RequestGuard guard) {
        dispatcher.guard(guard);
    }

    public synchronized void start() {
        if (serverChannel != null) {
            throw new IllegalStateException("server already started on port " + localPort());
        }
        bossGroup = transport.newEventLoopGroup(1, "remoting-boss");
        workerGroup = transport.newEventLoopGroup(config.workerThreads(), "remoting-worker");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, false)
                .childOption(ChannelOption.MESSAGE_SIZE_ESTIMATOR, CommandSizeEstimator.INSTANCE)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(
                                config.limits().writeBufferLowWaterMark(),
                                config.limits().writeBufferHighWaterMark()))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channels.add(channel);
                        channel.pipeline()
                                .addLast("limits", connectionLimiter)
                                .addLast(
                                        "tls-policy",
                                        new TlsPolicyHandler(config.tls().mode(), sslContext))
                                .addLast("idle", new IdleStateHandler(0, 0, config.idleTimeoutSeconds()))
                                .addLast("decoder", new RemotingCommandDecoder(config.maxFrameBytes(), frameBudget))
                                .addLast("encoder", encoder)
                                .addLast("connections", connections)
                                .addLast("dispatcher", dispatcher);
                    }
                });
        try {
            serverChannel = bootstrap
                    .bind(config.bindAddress(), config.listenPort())
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding port " + config.listenPort(), e);
        } catch (Exception e) {
            shutdownEventLoops();
            remotingChannels.close("server failed to start");
            throw new IllegalStateException(
                    "cannot listen on " + config.bindAddress() + ":" + config.listenPort() + ": " + e.getMessage(), e);
        }
        log.info(
                "remoting server listening on {}:{} ({}), TLS {}",
                config.bindAddress(),
                localPort(),
                transport.describe(),
                config.tls().mode().name().toLowerCase(Locale.ROOT));
    }

    /** The port actually bound: useful when the configured port is 0. */
    public int localPort() {
        if (serverChannel == null) {
            throw new IllegalStateException("server not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public int connectionCount() {
        return channels.size();
    }

    /** Bytes of incomplete frames all connections hold now (bounded by maxBufferedFrameBytes). */
    public long bufferedFrameBytes() {
        return frameBudget.held();
    }

    /** Bytes of requests taken and not yet processed over all connections (bounded by maxPendingRequestBytes). */
    public long pendingRequestBytes() {
        return dispatcher.pendingRequestBytes();
    }

    public synchronized void shutdown() {
        if (serverChannel == null) {
            return;
        }
        int port = localPort();
        serverChannel.close().syncUninterruptibly();
        channels.forEach(channel -> channel.eventLoop()
                .submit(() -> ReadGate.of(channel).close(ReadGate.SHUTTING_DOWN))
                .awaitUninterruptibly(1_000));
        drainExecutors();
        remotingChannels.close("server shutting down");
        channels.close().awaitUninterruptibly(config.shutdownGraceMs());
        shutdownEventLoops();
        serverChannel = null;
        log.info("remoting server on port {} stopped", port);
    }

    /**
     * Stops at once, as a killed process would: the listener and every connection are closed with
     * nothing answered, queued requests are dropped. For crash tests that run servers in one JVM.
     */
    public synchronized void abort() {
        if (serverChannel == null) {
            return;
        }
        int port = localPort();
        serverChannel.close().syncUninterruptibly();
        channels.close().awaitUninterruptibly();
        executors.forEach(ExecutorService::shutdownNow);
        remotingChannels.close("server aborted");
        shutdownEventLoops();
        serverChannel = null;
        log.warn("remoting server on port {} aborted", port);
    }

    @Override
    public void close() {
        shutdown();
    }

    private void drainExecutors() {
        executors.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownGraceMs());
        for (ExecutorService executor : executors) {
            try {
                long left = deadline - System.nanoTime();
                if (!executor.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    List<Runnable> dropped = executor.shutdownNow();
                    log.warn(
                            "{} requests were still queued after the {} ms grace period and get no answer",
                            dropped.size(),
                            config.shutdownGraceMs());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }

    private void shutdownEventLoops() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
