package io.couriermq.harness.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.test.RemotingProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our NameServer and broker jars as processes in the cluster modes with slaves: how each starts and
 * registers (replication itself is proven by the compat modules' ReplicationCrashIT): every NameServer lists
 * a master as brokerId 0 and its slave as brokerId 1 under the group's brokerName, and a killed slave
 * comes back on its address.
 */
class ProcessClusterIT {
    private final RemotingProbe probe = new RemotingProbe();
    private ProcessCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        probe.close();
    }

    @Test
    void twoMastersTwoSlavesSyncRegisterAsBrokerIdZeroAndOneUnderEachGroup() throws IOException {
        cluster = ProcessCluster.builder(WorkDir.fresh("ProcessClusterIT-2m-2s-sync"))
                .kinds(ServerKind.COURIER, ServerKind.COURIER)
                .nameServers(2)
                .masters(2)
                .slavesPerMaster(1)
                .brokerRole(Broker.SYNC_MASTER)
                .brokerSetting("flushDiskType", "SYNC_FLUSH")
                .registeredWhen(this::registeredAt)
                .start();

        assertThat(cluster.brokerNames()).containsExactly("broker-a", "broker-b");
        assertThat(cluster.brokers())
                .extracting(Broker::name, Broker::role)
                .containsExactly(
                        tuple("broker-a", "SYNC_MASTER"),
                        tuple("broker-b", "SYNC_MASTER"),
                        tuple("broker-a-s1", "SLAVE"),
                        tuple("broker-b-s1", "SLAVE"));
        assertThat(cluster.brokers()).extracting(Broker::haPort).doesNotHaveDuplicates();
        for (String nameServer : nameServers()) {
            Map<String, BrokerData> groups = probe.clusterInfo(nameServer).brokerAddrTable();
            assertThat(groups).containsOnlyKeys("broker-a", "broker-b");
            assertThat(groups.get("broker-a").brokerAddrs())
                    .containsExactly(
                            entry(0L, cluster.broker("broker-a").address()),
                            entry(1L, cluster.broker("broker-a-s1").address()));
        }
        Broker slave = cluster.broker("broker-b-s1");
        assertThat(slave.brokerName()).isEqualTo("broker-b");
        assertThat(probe.runtimeInfo(slave.address())).containsEntry("brokerActive", "false");
        assertThat(probe.runtimeInfo(cluster.broker("broker-b").address())).containsEntry("brokerActive", "true");
        assertThat(configOf(slave))
                .contains("brokerRole=SLAVE", "brokerId=1", "flushDiskType=SYNC_FLUSH")
                .contains("haMasterAddress=" + cluster.broker("broker-b").haAddress());
    }

    @Test
    void aKilledSlaveRestartsOnItsAddressUnderItsMaster() {
        cluster = ProcessCluster.builder(WorkDir.fresh("ProcessClusterIT-kill"))
                .kinds(ServerKind.COURIER, ServerKind.COURIER)
                .slavesPerMaster(1)
                .registeredWhen(this::registeredAt)
                .start();
        Broker slave = cluster.broker("broker-a-s1");
        long firstPid = slave.process().pid();

        cluster.killBroker("broker-a-s1");

        assertThat(slave.process().isAlive()).isFalse();

        cluster.restartBroker("broker-a-s1");

        assertThat(slave.process().pid()).isNotEqualTo(firstPid);
        assertThat(probe.clusterInfo(nameServers()[0])
                        .brokerAddrTable()
                        .get("broker-a")
                        .brokerAddrs())
                .containsEntry(1L, slave.address());
    }

    /** The NameServer lists the broker's address under its brokerName and brokerId. */
    private boolean registeredAt(String nameServer, Broker broker) {
        return Optional.ofNullable(
                        probe.clusterInfo(nameServer).brokerAddrTable().get(broker.brokerName()))
                .map(group -> broker.address().equals(group.brokerAddrs().get(broker.brokerId())))
                .orElse(false);
    }

    private String[] nameServers() {
        return cluster.nameServerAddress().split(";");
    }

    /** The broker.conf the harness wrote next to the broker's log. */
    private static String configOf(Broker broker) throws IOException {
        return Files.readString(broker.process().logFile().resolveSibling("broker.conf"));
    }
}
