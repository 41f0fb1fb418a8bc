package io.couriermq.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The broker's registration against two real NameServers over sockets. */
class NameServerRegistrarIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer first;
    private NameServer second;
    private NettyRemotingClient client;
    private TopicConfigManager topics;
    private NameServerRegistrar registrar;

    @BeforeEach
    void start() {
        first = cluster.startNameServer();
        second = cluster.startNameServer();
        BrokerConfig config = BrokerSettingsLoader.load(
                        Map.of("namesrvAddr", LocalCluster.address(first) + ";" + LocalCluster.address(second)),
                        dir,
                        "127.0.0.1")
                .broker();
        client = cluster.client();
        topics = new TopicConfigManager(config, dir, Clock.system());
        registrar = new NameServerRegistrar(config, topics, client, Clock.system(), 10911, 10912);
    }

    @AfterEach
    void stop() {
        registrar.shutdown();
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
        assertThat(registrar.lastSuccessMillis()).containsOnlyKeys(LocalCluster.address(first));
    }

    private static TopicRouteData routeOf(NameServer nameServer, String topic) {
        return nameServer.routes().snapshot().routeOf(topic, null);
    }
}
