package io.couriermq.namesrv.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final DataVersion V1 = new DataVersion(1_000, 1, 0);
    private static final DataVersion V2 = new DataVersion(2_000, 2, 0);

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final RouteTable routes = new RouteTable(clock);

    @Test
    void aMastersTopicsBecomeRoutes() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));

        TopicRouteData route = routes.snapshot().routeOf("orders", null);

        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 4, 4, Permission.READ_WRITE, 0));
        assertThat(route.brokerDatas()).singleElement().satisfies(broker -> {
            assertThat(broker.cluster()).isEqualTo("DefaultCluster");
            assertThat(broker.brokerAddrs()).containsExactly(Map.entry(0L, "10.0.0.1:10911"));
        });
        assertThat(routes.snapshot().routeOf("unknown", null)).isNull();
    }

    @Test
    void aSlaveJoinsItsGroupAndLearnsItsMaster() {
        routes.register(registration("broker-a", "10.0.0.1:10911", 0, "10.0.0.1:10912", V1, topic("orders", 4)));

        RegistrationResult result = routes.register(
                registration("broker-a", "10.0.0.2:10911", 1, "10.0.0.2:10912", V1, topic("ignored", 8)));

        assertThat(result.masterAddr()).isEqualTo("10.0.0.1:10911");
        assertThat(result.haServerAddr()).isEqualTo("10.0.0.1:10912");
        assertThat(routes.snapshot().brokers().get("broker-a").brokerAddrs())
                .containsExactly(Map.entry(0L, "10.0.0.1:10911"), Map.entry(1L, "10.0.0.2:10911"));
        assertThat(routes.snapshot().topics()).containsOnlyKeys("orders");
    }

    @Test
    void topicsAreReadAgainOnlyWhenTheDataVersionChanges() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));

        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 16)));
        assertThat(routes.snapshot().routeOf("orders", null).queueDatas().get(0).writeQueueNums())
                .isEqualTo(4);

        routes.register(master("broker-a", "10.0.0.1:10911", V2, topic("orders", 16)));
        assertThat(routes.snapshot().routeOf("orders", null).queueDatas().get(0).writeQueueNums())
                .isEqualTo(16);
    }

    @Test
    void thePartsOfASplitRegistrationAllBecomeRoutesThoughTheyShareOneDataVersion() {
        routes.register(master("broker-a", "10.0.0.1:10911", V2, topic("orders", 4), topic("payments", 4)));
        routes.register(master("broker-a", "10.0.0.1:10911", V2, topic("refunds", 2), topic("invoices", 2)));

        assertThat(routes.snapshot().topics()).containsOnlyKeys("orders", "payments", "refunds", "invoices");
    }

    @Test
    void anUnchangedDataVersionLeavesAWipedWritePermissionWiped() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));
        routes.changeWritePermission("broker-a", false);

        // the same version again, as every heartbeat, and a part with one more topic
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4), topic("refunds", 2)));

        assertThat(routes.snapshot().routeOf("orders", null).queueDatas().get(0).perm())
                .isEqualTo(Permission.READ);
        assertThat(routes.snapshot()
                        .routeOf("refunds", null)
                        .queueDatas()
                        .get(0)
                        .perm())
                .isEqualTo(Permission.READ_WRITE);
    }

    @Test
    void aHeartbeatThatChangesNothingKeepsTheSnapshot() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));
        RouteSnapshot before = routes.snapshot();

        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));

        assertThat(routes.snapshot()).isSameAs(before);
    }

    @Test
    void aSilentBrokerExpiresWithItsRoutesAfterItsTimeout() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));
        routes.register(master("broker-b", "10.0.0.2:10911", V1, topic("orders", 4)));

        clock.advanceMillis(100_000);
        routes.register(master("broker-b", "10.0.0.2:10911", V1, topic("orders", 4)));
        clock.advanceMillis(20_001);

        assertThat(routes.expireSilentBrokers())
                .extracting(BrokerLiveness::brokerName)
                .containsExactly("broker-a");
        assertThat(routes.snapshot().routeOf("orders", null).queueDatas())
                .extracting(QueueData::brokerName)
                .containsExactly("broker-b");
        assertThat(routes.snapshot().clusters().get("DefaultCluster")).containsExactly("broker-b");
        assertThat(routes.expireSilentBrokers()).isEmpty();
    }

    @Test
    void removingTheLastBrokerOfATopicRemovesTheTopic() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));

        routes.unregister(new BrokerKey("DefaultCluster", "10.0.0.1:10911"), "broker-a");

        assertThat(routes.snapshot().topics()).isEmpty();
        assertThat(routes.snapshot().brokers()).isEmpty();
        assertThat(routes.snapshot().clusters()).isEmpty();
        assertThat(routes.liveBrokers()).isEmpty();
    }

    @Test
    void whenTheMasterLeavesItsSlaveKeepsTheTopicReadable() {
        routes.register(registration("broker-a", "10.0.0.1:10911", 0, null, V1, topic("orders", 4)));
        routes.register(registration("broker-a", "10.0.0.2:10911", 1, null, V1, null));

        routes.unregister(new BrokerKey("DefaultCluster", "10.0.0.1:10911"), "broker-a");

        TopicRouteData route = routes.snapshot().routeOf("orders", null);
        assertThat(route.brokerDatas().get(0).brokerAddrs()).containsExactly(Map.entry(1L, "10.0.0.2:10911"));
        assertThat(route.brokerDatas().get(0).masterAddress()).isNull();
    }

    @Test
    void anAddressMovingToAnotherIdReplacesItsOldEntry() {
        routes.register(registration("broker-a", "10.0.0.2:10911", 1, null, V1, null));

        routes.register(registration("broker-a", "10.0.0.2:10911", 0, null, V1, topic("orders", 4)));

        assertThat(routes.snapshot().brokers().get("broker-a").brokerAddrs())
                .containsExactly(Map.entry(0L, "10.0.0.2:10911"));
    }

    @Test
    void queryDataVersionRefreshesLivenessAndReportsChanges() {
        BrokerKey key = new BrokerKey("DefaultCluster", "10.0.0.1:10911");
        assertThat(routes.refreshAndCompare(key, V1))
                .as("unknown broker must register")
                .isTrue();
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));

        clock.advanceMillis(119_000);
        assertThat(routes.refreshAndCompare(key, V1)).isFalse();
        assertThat(routes.refreshAndCompare(key, V2)).isTrue();
        clock.advanceMillis(119_000);

        assertThat(routes.expireSilentBrokers()).isEmpty();
    }

    @Test
    void theActingMasterModeOfAGroupIsReportedInItsRoutes() {
        routes.register(new BrokerRegistration(
                "DefaultCluster",
                "broker-a",
                "10.0.0.1:10911",
                0,
                null,
                V1,
                Map.of("orders", topic("orders", 4)),
                120_000,
                true,
                null));

        assertThat(routes.snapshot()
                        .routeOf("orders", null)
                        .brokerDatas()
                        .get(0)
                        .enableActingMaster())
                .isTrue();
    }

    @Test
    void writePermissionCanBeWipedAndRestored() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4), topic("payments", 2)));

        assertThat(routes.changeWritePermission("broker-a", false)).isEqualTo(2);
        assertThat(routes.snapshot().routeOf("orders", null).queueDatas().get(0).perm())
                .isEqualTo(Permission.READ);

        assertThat(routes.changeWritePermission("broker-a", true)).isEqualTo(2);
        assertThat(routes.snapshot().routeOf("orders", null).queueDatas().get(0).perm())
                .isEqualTo(Permission.READ_WRITE);
    }

    @Test
    void aTopicCanBeDeletedFromOneClusterOnly() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));
        routes.register(new BrokerRegistration(
                "OtherCluster",
                "broker-b",
                "10.0.0.2:10911",
                0,
                null,
                V1,
                Map.of("orders", topic("orders", 4)),
                120_000,
                false,
                null));

        routes.deleteTopic("orders", "OtherCluster");

        assertThat(routes.snapshot().routeOf("orders", null).queueDatas())
                .extracting(QueueData::brokerName)
                .containsExactly("broker-a");
        routes.deleteTopic("orders", null);
        assertThat(routes.snapshot().routeOf("orders", null)).isNull();
    }

    @Test
    void aHeldSnapshotNeverChangesUnderItsReader() {
        routes.register(master("broker-a", "10.0.0.1:10911", V1, topic("orders", 4)));
        RouteSnapshot held = routes.snapshot();

        routes.register(master("broker-b", "10.0.0.2:10911", V1, topic("orders", 4)));
        routes.unregister(new BrokerKey("DefaultCluster", "10.0.0.1:10911"), "broker-a");

        assertThat(held.routeOf("orders", null).queueDatas())
                .extracting(QueueData::brokerName)
                .containsExactly("broker-a");
        assertThat(held.clusters().get("DefaultCluster")).containsExactly("broker-a");
    }

    private static BrokerRegistration master(String name, String address, DataVersion version, TopicConfig... topics) {
        return registration(name, address, 0, null, version, topics);
    }

    private static BrokerRegistration registration(
            String name, String address, long id, String haAddress, DataVersion version, TopicConfig... topics) {
        Map<String, TopicConfig> table = null;
        if (topics != null) {
            table = new java.util.HashMap<>();
            for (TopicConfig topic : topics) {
                table.put(topic.topicName(), topic);
            }
        }
        return new BrokerRegistration(
                "DefaultCluster", name, address, id, haAddress, version, table, 120_000, false, null);
    }

    private static TopicConfig topic(String name, int queues) {
        return new TopicConfig(name, queues, queues, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of());
    }
}
