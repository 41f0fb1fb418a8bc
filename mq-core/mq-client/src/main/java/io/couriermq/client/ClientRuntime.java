package io.couriermq.client;

import io.couriermq.client.internal.BrokerRpc;
import io.couriermq.client.internal.ClientMembers;
import io.couriermq.client.internal.ConnectivityProbe;
import io.couriermq.client.internal.Heartbeats;
import io.couriermq.client.internal.PendingReplies;
import io.couriermq.client.internal.ServerRequests;
import io.couriermq.client.route.BrokerLossRefresh;
import io.couriermq.client.route.NameServerClient;
import io.couriermq.client.route.RouteCache;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections, route cache, heartbeats and timers that producers and consumers of one configuration
 * share. There is no process-wide instance: whoever creates a runtime owns it and closes it, and passes it
 * to the producers and consumers that should share it (two runtimes with two configurations live side by
 * side without affecting each other). A producer or consumer built without a runtime creates its own and
 * closes it with itself.
 */
public final class ClientRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClientRuntime.class);

    /** A probe is a yes/no question: it waits at most this long for any one server. */
    private static final long PROBE_TIMEOUT_MS = 1_000;

    /** Numbers the runtimes of this process that kept the default instance name. */
    private static final AtomicInteger DEFAULT_NAMED = new AtomicInteger();

    private final ClientConfig config;
    private final String clientId;
    private final Clock clock;
    private final NettyRemotingClient remoting;
    private final RouteCache routes;
    private final BrokerRpc brokers;
    private final ClientMembers members;
    private final Heartbeats heartbeats;
    private final PendingReplies replies = new PendingReplies();
    private final ConnectivityProbe connectivity;
    private final ScheduledExecutorService timers;
    private final ExecutorService callbacks;
    private volatile boolean closed;

    private ClientRuntime(ClientConfig config, Clock clock) {
        this.config = config;
        this.clientId = config.instanceName().equals(ClientConfig.DEFAULT_INSTANCE_NAME)
                ? config.clientIp() + "@" + ProcessHandle.current().pid() + "#" + DEFAULT_NAMED.incrementAndGet()
                : config.clientId();
        this.clock = clock;
        this.remoting = new NettyRemotingClient(
                new RemotingClientConfig(
                                config.ioThreads(),
                                (int) Math.min(config.requestTimeoutMs(), 3_000),
                                RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES,
                                120,
                                true)
                        .withCredentials(config.credentials())
                        .withTls(config.tls()),
                new ChannelEventListener() {});
        this.routes =
                new RouteCache(new NameServerClient(remoting, config.nameServerAddresses(), config.requestTimeoutMs()));
        BrokerLossRefresh brokerLoss = new BrokerLossRefresh(routes, clock);
        this.brokers = new BrokerRpc(remoting, config.requestTimeoutMs(), address -> {
            if (!closed) {
                brokerLoss.unreachable(address);
            }
        });
        this.members = new ClientMembers(clientId);
        this.heartbeats = new Heartbeats(brokers, routes, members);
        this.connectivity = new ConnectivityProbe(
                remoting,
                config.nameServerAddresses(),
                routes,
                heartbeats,
                clock,
                Math.min(config.requestTimeoutMs(), PROBE_TIMEOUT_MS));
        this.timers =
                Executors.newScheduledThreadPool(1, daemonThreads("courier-client-timer-" + config.instanceName()));
        this.callbacks =
                Executors.newFixedThreadPool(2, daemonThreads("courier-client-callback-" + config.instanceName()));
        ServerRequests.register(remoting, members, replies, clock, callbacks);
    }

    /** A started runtime with the system clock. */
    public static ClientRuntime start(ClientConfig config) {
        return start(config, Clock.system());
    }

    public static ClientRuntime start(ClientConfig config, Clock clock) {
        ClientRuntime runtime = new ClientRuntime(config, clock);
        runtime.schedule(runtime.routes::refreshAll, config.routeRefreshIntervalMs());
        runtime.schedule(runtime.heartbeats::sendToAll, config.heartbeatIntervalMs());
        log.info(
                "client runtime {} started, NameServers {}, {}",
                runtime.clientId,
                config.nameServerAddresses(),
                config.credentials() == null
                        ? "requests unsigned"
                        : "requests signed as accessKey=" + config.credentials().accessKey());
        return runtime;
    }

    public ClientConfig config() {
        return config;
    }

    /**
     * The id brokers know this runtime by. Two runtimes in one process must differ (a consumer group
     * allocates queues by client id), so a runtime with the default instance name gets the process id and
     * a sequence number instead; name the instance to keep the id stable across restarts.
     */
    public String clientId() {
        return clientId;
    }

    public Clock clock() {
        return clock;
    }

    public RouteCache routes() {
        return routes;
    }

    public BrokerRpc brokers() {
        return brokers;
    }

    public ClientMembers members() {
        return members;
    }

    public Heartbeats heartbeats() {
        return heartbeats;
    }

    /** Requests of this runtime's producers waiting for replies. */
    public PendingReplies replies() {
        return replies;
    }

    /** Single-threaded timer for periodic client work (rebalance, offset commits, retries of pulls). */
    public ScheduledExecutorService timers() {
        return timers;
    }

    /** Runs {@code task} every {@code intervalMs}; an exception is logged and the task keeps its schedule. */
    public void schedule(Runnable task, long intervalMs) {
        timers.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("periodic client task failed", e);
                    }
                },
                intervalMs,
                intervalMs,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Checks now which configured NameServers and which brokers of the routes in use answer (each gets
     * a cheap request and at most {@code min(requestTimeoutMs, 1000)} ms), for health checks and
     * diagnostics. Never fails: an unreachable server, or a closed runtime, shows as unreachable.
     */
    public CompletableFuture<Connectivity> probe() {
        return connectivity.probe();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timers.shutdownNow();
        callbacks.shutdownNow();
        remoting.close();
        log.info("client runtime {} closed", clientId);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
