package io.couriermq.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's registration against two real NameServers over sockets. */
class NameServerRegistrarIT {
    @TempDir
    Path dir;

    private NameServer first;
    private NameServer second;
    private NettyRemotingClient client;
    private TopicConfigManager topics;
    private NameServerRegistrar registrar;

    @BeforeEach
    void start() {
        first = startNameServer();
        second = startNameServer();
        BrokerConfig config = BrokerSettingsLoader.load(
                        Map.of("namesrvAddr", "127.0.0.1:" + first.listenPort() + ";127.0.0.1:" + second.listenPort()),
                        dir,
                        "127.0.0.1")
                .broker();
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        topics = new TopicConfigManager(config, dir, Clock.system());
        registrar = new NameServerRegistrar(config, topics, client, Clock.system(), 10911, 10912);
    }

    @AfterEach
    void stop() {
        registrar.shutdown();
        client.close();
        first.shutdown();
        second.shutdown();
    }

    @Test
    void registersTheTopicTableWithEveryNameServer() {
        registrar.registerAll().join();

        for (NameServer nameServer : new NameServer[] {first, second}) {
            TopicRouteData route = nameServer.routes().snapshot().routeOf("TBW102", null);
            assertThat(route).isNotNull();
            assertThat(route.brokerDatas().get(0).masterAddress()).isEqualTo("127.0.0.1:10911");
        }
        assertThat(registrar.lastSuccessMillis()).hasSize(2);
    }

    @Test
    void aNewTopicReachesTheNameServersWithoutWaitingForThePeriod() {
        registrar.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> routeOf(first, "TBW102") != null);

        topics.createOrUpdate(new TopicConfig("Orders", 4, 4, 6, "SINGLE_TAG", 0, false, Map.of()));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> routeOf(first, "Orders") != null && routeOf(second, "Orders") != null);
    }

    @Test
    void unregisteringRemovesTheRoutesAtOnce() {
        registrar.registerAll().join();

        registrar.unregisterAll();

        assertThat(routeOf(first, "TBW102")).isNull();
        assertThat(routeOf(second, "TBW102")).isNull();
    }

    @Test
    void aDeadNameServerDoesNotStopRegistrationWithTheOthers() {
        second.shutdown();

        registrar.registerAll().join();

        assertThat(routeOf(first, "TBW102")).isNotNull();
        assertThat(registrar.lastSuccessMillis()).containsOnlyKeys("127.0.0.1:" + first.listenPort());
    }

    private static TopicRouteData routeOf(NameServer nameServer, String topic) {
        return nameServer.routes().snapshot().routeOf(topic, null);
    }

    private static NameServer startNameServer() {
        RemotingServerConfig remoting = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        NameServer nameServer = new NameServer(new NameServerConfig(remoting, 120_000, 1_000, false), Clock.system());
        nameServer.start();
        return nameServer;
    }
}
