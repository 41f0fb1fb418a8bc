package io.couriermq.broker;

import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RequestGuard;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocketMQ's "VIP" (fast) channel: a second remoting port at {@code listenPort - 2} serving the same
 * processors. An Apache RocketMQ 5.2.0 slave always calls its master there for the metadata copy, and
 * clients with vipChannelEnabled send there. A port that cannot be bound is reported, not fatal: only
 * those callers are affected.
 */
final class FastChannel {
    private static final Logger log = LoggerFactory.getLogger(FastChannel.class);

    private record Registration(int code, RequestProcessor processor, ExecutorService executor) {}

    private final List<Registration> registrations = new ArrayList<>();
    private RequestGuard guard = RequestGuard.ALLOW_ALL;
    private NettyRemotingServer server;

    /** The port for a broker on {@code listenPort}: two below it, any free one for 0, none below 3. */
    static int portFor(int listenPort) {
        if (listenPort == 0) {
            return 0;
        }
        return listenPort > 2 ? listenPort - 2 : -1;
    }

    void register(int code, RequestProcessor processor, ExecutorService executor) {
        registrations.add(new Registration(code, processor, executor));
    }

    /** The guard the fast port checks requests with; set before {@link #start}. */
    void requestGuard(RequestGuard requestGuard) {
        this.guard = requestGuard;
    }

    void start(RemotingServerConfig mainConfig, int port, ChannelEventListener listener) {
        if (port < 0) {
            return;
        }
        NettyRemotingServer fast = new NettyRemotingServer(
                RemotingServerConfig.defaults(port)
                        .withBindAddress(mainConfig.bindAddress())
                        .withMaxFrameBytes(mainConfig.maxFrameBytes())
                        .withIdleTimeoutSeconds(mainConfig.idleTimeoutSeconds())
                        .withTls(mainConfig.tls())
                        .withLimits(mainConfig.limits()),
                listener);
        fast.requestGuard(guard);
        registrations.forEach(r -> fast.registerProcessor(r.code(), r.processor(), r.executor()));
        try {
            fast.start();
            server = fast;
            log.info("fast channel open on port {}", fast.localPort());
        } catch (RuntimeException e) {
            log.warn(
                    "fast channel port {} not opened ({}): Apache RocketMQ slaves of this broker cannot copy its"
                            + " topics and offsets, and clients with vipChannelEnabled cannot reach it",
                    port,
                    e.getMessage());
        }
    }

    /** The bound port; -1 when not open. */
    int localPort() {
        return server == null ? -1 : server.localPort();
    }

    void shutdown() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    void abort() {
        if (server != null) {
            server.abort();
            server = null;
        }
    }
}
