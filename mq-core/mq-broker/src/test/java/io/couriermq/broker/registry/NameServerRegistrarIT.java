package io.couriermq.broker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    private final List<NameServerRegistrar> extraRegistrars = new ArrayList<>();

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
        extraRegistrars.forEach(NameServerRegistrar::shutdown);
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

    @ParameterizedTest(name = "compressedRegister={0}")
    @ValueSource(booleans = {false, true})
    void tenThousandTopicsRegisterInPartsThatEachFitUnderTheNameServersFrameLimit(boolean compressed) {
        NameServer small = startNameServerWithMaxFrame(256 * 1024);
        NameServerRegistrar split = registrarFor(
                small,
                Map.of(
                        "enableSplitRegistration", "true",
                        "splitRegistrationSize", "800",
                        "compressedRegister", Boolean.toString(compressed)));
        createTopics(10_000);

        split.registerAll().join();

        assertThat(small.routes().snapshot().topics()).hasSizeGreaterThan(10_000);
        assertThat(routeOf(small, "Scale-09999").queueDatas().get(0).writeQueueNums())
                .isEqualTo(8);
        assertThat(split.lastSuccessMillis()).containsOnlyKeys(LocalCluster.address(small));
    }

    @Test
    void withoutPartsTheSameTableIsTooLargeForThatNameServer() {
        NameServer small = startNameServerWithMaxFrame(256 * 1024);
        NameServerRegistrar whole = registrarFor(small, Map.of());
        createTopics(10_000);

        whole.registerAll().join();

        assertThat(routeOf(small, "Scale-09999")).isNull();
        assertThat(whole.lastSuccessMillis()).isEmpty();
    }

    @Test
    void aTableLargerThanOneBodyMayHoldIsSplitEvenWhenNotAskedTo() {
        NameServer fiveMiB = startNameServerWithMaxFrame(5 << 20);
        NameServerRegistrar whole = registrarFor(fiveMiB, Map.of());
        // about 160 bytes of JSON a topic: one body of 40,000 would be over 6 MB, parts are 4 MiB at most
        createTopics(40_000);

        whole.registerAll().join();

        assertThat(routeOf(fiveMiB, "Scale-00000")).isNotNull();
        assertThat(routeOf(fiveMiB, "Scale-39999")).isNotNull();
        assertThat(fiveMiB.routes().snapshot().topics()).hasSizeGreaterThan(40_000);
        assertThat(whole.lastSuccessMillis()).containsOnlyKeys(LocalCluster.address(fiveMiB));
    }

    @Test
    void aTopicChangedAfterTheFirstRoundReachesTheNameServerInItsFirstPart() {
        NameServerRegistrar split =
                registrarFor(first, Map.of("enableSplitRegistration", "true", "splitRegistrationSize", "100"));
        createTopics(1_000);
        split.registerAll().join();

        topics.createOrUpdate(new TopicConfig("Scale-00777", 16, 16, 6, "SINGLE_TAG", 0, false, Map.of()));
        split.registerAll().join();

        // the NameServer takes the new data version from the first part it reads; a later part of the same
        // version would bring only topics it lacks
        assertThat(routeOf(first, "Scale-00777").queueDatas().get(0).writeQueueNums())
                .isEqualTo(16);
    }

    private NameServer startNameServerWithMaxFrame(int maxFrameBytes) {
        return cluster.startNameServer(config -> new NameServerConfig(
                config.remoting().withMaxFrameBytes(maxFrameBytes),
                config.brokerExpiryMs(),
                config.expiryScanIntervalMs(),
                config.orderMessageEnable(),
                config.acl()));
    }

    private NameServerRegistrar registrarFor(NameServer nameServer, Map<String, String> entries) {
        Map<String, String> all = new HashMap<>(entries);
        all.put("namesrvAddr", LocalCluster.address(nameServer));
        BrokerConfig config = BrokerSettingsLoader.load(all, dir, "127.0.0.1").broker();
        NameServerRegistrar registrar = new NameServerRegistrar(config, topics, client, Clock.system(), 10911, 10912);
        extraRegistrars.add(registrar);
        return registrar;
    }

    private void createTopics(int count) {
        List<TopicConfig> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new TopicConfig(String.format("Scale-%05d", i), 8, 8, 6, "SINGLE_TAG", 0, false, Map.of()));
        }
        topics.createOrUpdateAll(batch);
    }

    private static TopicRouteData routeOf(NameServer nameServer, String topic) {
        return nameServer.routes().snapshot().routeOf(topic, null);
    }
}
