package io.couriermq.broker;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RequestGuard;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.UnaryOperator;

/**
 * The ports clients reach a broker on: the remoting port and RocketMQ's fast channel ({@link
 * FastChannel}), serving the same processors, each wrapped as the broker's role requires (a slave refuses
 * writes).
 */
final class BrokerPorts {
    private final RemotingServerConfig config;
    private final ChannelEventListener events;
    private final UnaryOperator<RequestProcessor> guard;
    private final Clock clock;
    private final NettyRemotingServer server;
    private final FastChannel fastChannel = new FastChannel();

    BrokerPorts(
            RemotingServerConfig config,
            ChannelEventListener events,
            UnaryOperator<RequestProcessor> guard,
            Clock clock) {
        this.config = config;
        this.events = events;
        this.guard = guard;
        this.clock = clock;
        this.server = new NettyRemotingServer(config, events);
    }

    /** The remoting port's settings: broker.conf's port, bind address and idle limit, and TLS as configured. */
    static RemotingServerConfig serverConfig(BrokerConfig config, TlsServerSettings tls, ServerLimits limits) {
        return RemotingServerConfig.defaults(config.listenPort())
                .withBindAddress(config.bindAddress())
                .withIdleTimeoutSeconds((int) config.clientChannelMaxIdleTimeSeconds())
                .withTls(tls)
                .withLimits(limits);
    }

    /** A bounded executor for processors, shared by both ports, that times how long requests queue. */
    QueueTimedExecutor newExecutor(String name, int threads, int queueCapacity) {
        // the server makes a ThreadPoolExecutor; its queue is what the wait times are read from
        ThreadPoolExecutor executor = (ThreadPoolExecutor) server.newProcessorExecutor(name, threads, queueCapacity);
        return new QueueTimedExecutor(executor, clock);
    }

    /** Checks every request on both ports before its processor runs (access control). */
    void requestGuard(RequestGuard requestGuard) {
        server.requestGuard(requestGuard);
        fastChannel.requestGuard(requestGuard);
    }

    /** Opens the remoting port; fails (port in use) before anything is served. */
    void start() {
        server.start();
    }

    void register(List<RequestCode> codes, RequestProcessor processor, ExecutorService executor) {
        RequestProcessor guarded = guard.apply(processor);
        codes.forEach(code -> {
            server.registerProcessor(code, guarded, executor);
            fastChannel.register(code.code(), guarded, executor);
        });
    }

    /** Opens the fast channel once every processor is registered; a port that cannot be bound is logged. */
    void startFastChannel() {
        fastChannel.start(config, FastChannel.portFor(config.listenPort()), events);
    }

    int localPort() {
        return server.localPort();
    }

    /** -1 when the fast channel is not open. */
    int fastPort() {
        return fastChannel.localPort();
    }

    /** Stops taking requests and answers those in progress. */
    void shutdown() {
        fastChannel.shutdown();
        server.shutdown();
    }

    /** Closes every connection with nothing answered (crash tests). */
    void abort() {
        fastChannel.abort();
        server.abort();
    }
}
