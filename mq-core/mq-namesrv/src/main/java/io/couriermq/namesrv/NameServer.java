package io.couriermq.namesrv;

import io.couriermq.acl.AclRefusals;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.acl.NameServerAccess;
import io.couriermq.namesrv.acl.NameServerAcl;
import io.couriermq.namesrv.config.RuntimeNameServerConfig;
import io.couriermq.namesrv.kv.KvConfigTable;
import io.couriermq.namesrv.processor.BrokerRegistrationProcessor;
import io.couriermq.namesrv.processor.KvConfigProcessor;
import io.couriermq.namesrv.processor.NamesrvConfigProcessor;
import io.couriermq.namesrv.processor.RouteQueryProcessor;
import io.couriermq.namesrv.processor.TopicAdminProcessor;
import io.couriermq.namesrv.route.BrokerExpiryScanner;
import io.couriermq.namesrv.route.RouteTable;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.rpc.RemotingChannel;
import io.couriermq.remoting.rpc.RequestObserver;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable NameServer: wires the route table, the processors and the expiry scanner to a
 * remoting server. Route queries and broker registrations run on separate executors, so a burst of
 * registrations never delays a client's route lookup. With ACL on ({@link NameServerConfig#acl()}) its
 * writes need an admin account's signature; reads stay open ({@link NameServerAccess}).
 */
public final class NameServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NameServer.class);

    private final NameServerConfig config;
    private final RouteTable routes;
    private final KvConfigTable kvConfig = new KvConfigTable();
    private final NettyRemotingServer server;
    private final BrokerExpiryScanner expiryScanner;
    private final RuntimeNameServerConfig runtimeConfig;
    private final Clock clock;
    private final AclRefusals aclRefusals = new AclRefusals();
    private volatile NameServerAcl acl;

    public NameServer(NameServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.routes = new RouteTable(clock);
        this.runtimeConfig = new RuntimeNameServerConfig(config);
        this.server = new NettyRemotingServer(config.remoting(), new ChannelEventListener() {
            @Override
            public void onClosed(RemotingChannel channel) {
                routes.removeBrokersOf(channel);
            }
        });
        this.expiryScanner = new BrokerExpiryScanner(routes, config.expiryScanIntervalMs());
        registerProcessors();
    }

    private void registerProcessors() {
        ExecutorService queries = server.newProcessorExecutor("namesrv-query", 2, 10_000);
        ExecutorService updates = server.newProcessorExecutor("namesrv-update", 1, 10_000);
        var query = new RouteQueryProcessor(routes, kvConfig, runtimeConfig::orderMessageEnable);
        for (RequestCode code : new RequestCode[] {
            RequestCode.GET_ROUTEINFO_BY_TOPIC,
            RequestCode.GET_BROKER_CLUSTER_INFO,
            RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
            RequestCode.GET_TOPICS_BY_CLUSTER,
            RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS
        }) {
            register(code, query, queries);
        }
        var registration = new BrokerRegistrationProcessor(routes, kvConfig, config.brokerExpiryMs());
        register(RequestCode.REGISTER_BROKER, registration, updates);
        register(RequestCode.UNREGISTER_BROKER, registration, updates);
        register(RequestCode.QUERY_DATA_VERSION, registration, updates);
        register(RequestCode.BROKER_HEARTBEAT, registration, updates);
        var topicAdmin = new TopicAdminProcessor(routes);
        register(RequestCode.REGISTER_TOPIC_IN_NAMESRV, topicAdmin, updates);
        register(RequestCode.DELETE_TOPIC_IN_NAMESRV, topicAdmin, updates);
        register(RequestCode.WIPE_WRITE_PERM_OF_BROKER, topicAdmin, updates);
        register(RequestCode.ADD_WRITE_PERM_OF_BROKER, topicAdmin, updates);
        var kv = new KvConfigProcessor(kvConfig);
        register(RequestCode.PUT_KV_CONFIG, kv, updates);
        register(RequestCode.GET_KV_CONFIG, kv, queries);
        register(RequestCode.DELETE_KV_CONFIG, kv, updates);
        register(RequestCode.GET_KVLIST_BY_NAMESPACE, kv, queries);
        var configuration = new NamesrvConfigProcessor(runtimeConfig);
        register(RequestCode.GET_NAMESRV_CONFIG, configuration, queries);
        register(RequestCode.UPDATE_NAMESRV_CONFIG, configuration, updates);
    }

    /** Every served code is a read or a write for the ACL: none is open by oversight. */
    private void register(RequestCode code, RequestProcessor processor, ExecutorService executor) {
        if (!NameServerAccess.isClassified(code)) {
            throw new IllegalStateException(code + " is neither a read nor a write in NameServerAccess");
        }
        server.registerProcessor(code, processor, executor);
    }

    /** Metrics and tracing hook around every request. */
    public void requestObserver(RequestObserver observer) {
        server.requestObserver(observer);
    }

    /** Reads the accounts first when ACL is on: a file that cannot be used fails here, before the port opens. */
    public void start() {
        acl = NameServerAcl.open(config.acl(), aclRefusals, clock);
        server.requestGuard(acl.guard());
        if (config.aclEnable()) {
            log.info("NameServer ACL on: writes need an admin account, reads stay open");
        }
        server.start();
        runtimeConfig.boundPort(server.localPort());
        expiryScanner.start();
        log.info(
                "NameServer ready on port {}; silent brokers expire after {} ms",
                server.localPort(),
                config.brokerExpiryMs());
    }

    public int listenPort() {
        return server.localPort();
    }

    public RouteTable routes() {
        return routes;
    }

    /** The configuration in force, as GET/UPDATE_NAMESRV_CONFIG see and change it. */
    public RuntimeNameServerConfig runtimeConfig() {
        return runtimeConfig;
    }

    public KvConfigTable kvConfig() {
        return kvConfig;
    }

    /** Writes refused by the ACL, by reason; all zero while it is off. */
    public AclRefusals aclRefusals() {
        return aclRefusals;
    }

    public void shutdown() {
        expiryScanner.shutdown();
        server.shutdown();
        if (acl != null) {
            acl.close();
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
