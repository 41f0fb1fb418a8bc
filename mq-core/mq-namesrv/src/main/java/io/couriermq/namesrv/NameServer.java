package io.couriermq.namesrv;

import io.couriermq.common.time.Clock;
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
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable NameServer: wires the route table, the processors and the expiry scanner to a
 * remoting server. Route queries and broker registrations run on separate executors, so a burst of
 * registrations never delays a client's route lookup.
 */
public final class NameServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NameServer.class);

    private final NameServerConfig config;
    private final RouteTable routes;
    private final KvConfigTable kvConfig = new KvConfigTable();
    private final NettyRemotingServer server;
    private final BrokerExpiryScanner expiryScanner;
    private final RuntimeNameServerConfig runtimeConfig;

    public NameServer(NameServerConfig config, Clock clock) {
        this.config = config;
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
            server.registerProcessor(code, query, queries);
        }
        var registration = new BrokerRegistrationProcessor(routes, kvConfig, config.brokerExpiryMs());
        server.registerProcessor(RequestCode.REGISTER_BROKER, registration, updates);
        server.registerProcessor(RequestCode.UNREGISTER_BROKER, registration, updates);
        server.registerProcessor(RequestCode.QUERY_DATA_VERSION, registration, updates);
        server.registerProcessor(RequestCode.BROKER_HEARTBEAT, registration, updates);
        var topicAdmin = new TopicAdminProcessor(routes);
        server.registerProcessor(RequestCode.REGISTER_TOPIC_IN_NAMESRV, topicAdmin, updates);
        server.registerProcessor(RequestCode.DELETE_TOPIC_IN_NAMESRV, topicAdmin, updates);
        server.registerProcessor(RequestCode.WIPE_WRITE_PERM_OF_BROKER, topicAdmin, updates);
        server.registerProcessor(RequestCode.ADD_WRITE_PERM_OF_BROKER, topicAdmin, updates);
        var kv = new KvConfigProcessor(kvConfig);
        server.registerProcessor(RequestCode.PUT_KV_CONFIG, kv, updates);
        server.registerProcessor(RequestCode.GET_KV_CONFIG, kv, queries);
        server.registerProcessor(RequestCode.DELETE_KV_CONFIG, kv, updates);
        server.registerProcessor(RequestCode.GET_KVLIST_BY_NAMESPACE, kv, queries);
        var configuration = new NamesrvConfigProcessor(runtimeConfig);
        server.registerProcessor(RequestCode.GET_NAMESRV_CONFIG, configuration, queries);
        server.registerProcessor(RequestCode.UPDATE_NAMESRV_CONFIG, configuration, updates);
    }

    /** Metrics and tracing hook around every request. */
    public void requestObserver(RequestObserver observer) {
        server.requestObserver(observer);
    }

    public void start() {
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

    public void shutdown() {
        expiryScanner.shutdown();
        server.shutdown();
    }

    @Override
    public void close() {
        shutdown();
    }
}
