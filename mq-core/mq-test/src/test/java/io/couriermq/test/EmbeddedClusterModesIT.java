package io.couriermq.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.config.HaConfig;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.store.FlushDiskType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster modes with slaves, seen from the NameServers: each broker starts in its role and registers
 * under its group's brokerName with its brokerId, with an HA port of its own and its master's as
 * haMasterAddress; with SYNC_MASTER a send succeeds once the slave has it. (Replication itself is proven
 * in mq-broker's ReplicationIT and the compat modules' ReplicationCrashIT.)
 */
class EmbeddedClusterModesIT {
    @TempDir
    Path parent;

    private final RemotingProbe probe = new RemotingProbe();
    private EmbeddedCluster cluster;

    @AfterEach
    void stop() {
        probe.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoMastersTwoSlavesAsyncRegisterAsOneMasterAndOneSlavePerGroupAtEveryNameServer() {
        cluster = EmbeddedCluster.builder()
                .nameServers(2)
                .masters(2)
                .slavesPerMaster(1)
                .parentDirectory(parent)
                .start();

        assertThat(cluster.brokerNames()).containsExactly("broker-a", "broker-b");
        assertThat(cluster.brokers())
                .extracting(EmbeddedBroker::name)
                .containsExactly("broker-a", "broker-b", "broker-a-s1", "broker-b-s1");
        for (String nameServer : cluster.nameServerAddress().split(";")) {
            ClusterInfo info = probe.clusterInfo(nameServer);
            assertThat(info.clusterAddrTable()).containsEntry("DefaultCluster", Set.of("broker-a", "broker-b"));
            for (String group : List.of("broker-a", "broker-b")) {
                assertThat(info.brokerAddrTable().get(group).brokerAddrs())
                        .containsExactly(
                                entry(0L, cluster.brokerAddress(group)),
                                entry(1L, cluster.brokerAddress(group + "-s1")));
            }
        }
        assertRoles(BrokerRole.ASYNC_MASTER, FlushDiskType.ASYNC_FLUSH);
    }

    @Test
    void twoMastersTwoSlavesSyncStartWithTheirRolesAndRoutesCarryOnlyTheMastersQueues() {
        cluster = EmbeddedCluster.builder()
                .nameServers(2)
                .masters(2)
                .slavesPerMaster(1)
                .brokerRole(BrokerRole.SYNC_MASTER)
                .flushDiskType(FlushDiskType.SYNC_FLUSH)
                .parentDirectory(parent)
                .start();

        cluster.createTopic("Orders", 2);

        TopicRouteData route = probe.route(firstNameServer(), "Orders").orElseThrow();
        assertThat(route.queueDatas())
                .extracting(QueueData::brokerName)
                .containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(route.brokerDatas())
                .filteredOn(data -> data.brokerName().equals("broker-b"))
                .singleElement()
                .extracting(BrokerData::brokerAddrs)
                .isEqualTo(Map.of(0L, cluster.brokerAddress("broker-b"), 1L, cluster.brokerAddress("broker-b-s1")));
        assertRoles(BrokerRole.SYNC_MASTER, FlushDiskType.SYNC_FLUSH);
        // SUCCESS (not SLAVE_NOT_AVAILABLE) once the slave is connected and has confirmed the message
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> probe.send(
                                cluster.brokerAddress("broker-b"),
                                "broker-b",
                                "Orders",
                                0,
                                "copied".getBytes(StandardCharsets.UTF_8))
                        != null);
    }

    @Test
    void everyBrokerHasItsOwnHaPortAndEverySlaveIsPointedAtItsMasters() {
        cluster = EmbeddedCluster.builder()
                .masters(2)
                .slavesPerMaster(2)
                .parentDirectory(parent)
                .start();

        assertThat(cluster.brokers()).extracting(EmbeddedBroker::haPort).doesNotHaveDuplicates();
        assertThat(cluster.slaves("broker-b"))
                .extracting(EmbeddedBroker::brokerId)
                .containsExactly(1L, 2L);
        for (EmbeddedBroker broker : cluster.brokers()) {
            HaConfig ha = BrokerSettingsLoader.load(broker.settings(), broker.storeDir(), EmbeddedCluster.HOST)
                    .ha();
            assertThat(ha.haListenPort()).isEqualTo(broker.haPort());
            String expectedMaster = broker.isMaster()
                    ? null
                    : cluster.broker(broker.brokerName()).haAddress();
            assertThat(ha.haMasterAddress()).as(broker.name()).isEqualTo(expectedMaster);
        }
    }

    @Test
    void aSlaveRestartsOnItsAddressAndAStoppedMasterLeavesItsSlaveRegistered() {
        cluster = EmbeddedCluster.builder()
                .masters(1)
                .slavesPerMaster(1)
                .parentDirectory(parent)
                .start();
        String slaveAddress = cluster.brokerAddress("broker-a-s1");

        cluster.crashBroker("broker-a-s1");
        cluster.restartBroker("broker-a-s1");

        assertThat(cluster.brokerAddress("broker-a-s1")).isEqualTo(slaveAddress);
        assertThat(registered("broker-a"))
                .containsExactly(entry(0L, cluster.brokerAddress("broker-a")), entry(1L, slaveAddress));

        cluster.stopBroker("broker-a");

        assertThat(registered("broker-a")).containsExactly(entry(1L, slaveAddress));
    }

    @Test
    void aSingleMasterHasNoSlaveAndSlavesCannotBeMadeMasters() {
        cluster = EmbeddedCluster.builder().parentDirectory(parent).start();

        assertThat(cluster.slaves("broker-a")).isEmpty();
        assertThat(registered("broker-a")).containsOnlyKeys(0L);
        assertThatThrownBy(() -> EmbeddedCluster.builder().brokerRole(BrokerRole.SLAVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slavesPerMaster");
    }

    /** The role each broker runs with, as its runtime info and configuration say. */
    private void assertRoles(BrokerRole masterRole, FlushDiskType flush) {
        for (EmbeddedBroker broker : cluster.brokers()) {
            var settings = BrokerSettingsLoader.load(broker.settings(), broker.storeDir(), EmbeddedCluster.HOST);
            assertThat(settings.broker().brokerRole())
                    .as(broker.name())
                    .isEqualTo(broker.isMaster() ? masterRole : BrokerRole.SLAVE);
            assertThat(settings.store().flushDiskType()).as(broker.name()).isEqualTo(flush);
            assertThat(probe.runtimeInfo(broker.address()))
                    .as("brokerActive of " + broker.name())
                    .containsEntry("brokerActive", Boolean.toString(broker.isMaster()));
        }
    }

    private Map<Long, String> registered(String brokerName) {
        return probe.clusterInfo(firstNameServer())
                .brokerAddrTable()
                .get(brokerName)
                .brokerAddrs();
    }

    private String firstNameServer() {
        return cluster.nameServerAddress().split(";")[0];
    }
}
