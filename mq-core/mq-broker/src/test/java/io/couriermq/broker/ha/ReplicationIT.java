package io.couriermq.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A SYNC_MASTER and its slave over real sockets, the slave finding its master through the NameServer. */
class ReplicationIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer nameServer;
    private Broker master;
    private Broker slave;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        nameServer = cluster.startNameServer();
        client = cluster.client();
    }

    private Broker broker(String name, Map<String, String> extra) {
        Map<String, String> entries = LocalCluster.smallFiles(Map.of(
                "namesrvAddr", LocalCluster.address(nameServer),
                "brokerName", "broker-a",
                "haSendHeartbeatInterval", "200",
                "haHousekeepingInterval", "2000",
                "syncFlushTimeout", "1500"));
        entries.putAll(extra);
        return cluster.startBroker(dir.resolve(name), entries);
    }

    private Broker startMaster() {
        return broker("master", Map.of("brokerRole", "SYNC_MASTER"));
    }

    private Broker startSlave(Map<String, String> extra) {
        Map<String, String> entries = new HashMap<>(Map.of("brokerRole", "SLAVE", "brokerId", "1"));
        entries.putAll(extra);
        return broker("slave", entries);
    }

    private static String address(Broker broker) {
        return LocalCluster.address(broker);
    }

    private RemotingCommand send(Broker broker, String topic, String body) {
        return client.invokeSync(address(broker), BrokerRequests.send(topic, 0).body(body), 5_000);
    }

    private RemotingCommand pull(Broker broker, String topic, long offset) {
        return client.invokeSync(
                address(broker), BrokerRequests.pull(topic, 0, offset).build(), 5_000);
    }

    private static long commitLogOffsetOf(RemotingCommand sendResponse) {
        return MessageId.decode(sendResponse
                        .decodeHeader(SendMessageResponseHeader::decode)
                        .msgId())
                .commitLogOffset();
    }

    @Test
    void aSyncMasterWithoutASlaveStoresButSaysSlaveNotAvailableThenAcknowledgesOnlyReplicatedSends() {
        master = startMaster();
        RemotingCommand lonely = send(master, "Orders", "before-slave");
        assertThat(lonely.code()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE.code());
        assertThat(lonely.remark()).contains("no slave");
        long lonelyOffset = commitLogOffsetOf(lonely); // stored all the same: it has an id and an offset
        assertThat(master.store().readRecord(lonelyOffset)).isPresent();

        slave = startSlave(Map.of()); // learns the master's HA address from the NameServer
        await().atMost(Duration.ofSeconds(15))
                .until(() -> master.replication().status().slavesInSync() == 1);

        for (int i = 0; i < 20; i++) {
            RemotingCommand sent = send(master, "Orders", "m" + i);
            assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
            // acknowledged means the slave holds it, byte for byte, at the same offset
            long offset = commitLogOffsetOf(sent);
            assertThat(slave.store().readRecord(offset)).isPresent();
        }
        assertThat(slave.store().readRecord(lonelyOffset)).isPresent();
        assertThat(slave.replication().status().masterReachable()).isTrue();
        assertThat(master.replication().status().metrics().slaveNotAvailableCount())
                .isEqualTo(1);
        assertThat(master.replication().status().metrics().syncWaits()).isEqualTo(20);
    }

    @Test
    void aSlaveRefusesWritesNamingItsMasterAndSendsReadersBackUntilTheMasterIsGone() {
        master = startMaster();
        slave = startSlave(Map.of());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> master.replication().status().slavesInSync() == 1);
        assertThat(send(master, "Orders", "one").code()).isEqualTo(ResponseCode.SUCCESS.code());
        await("the topic copied to the slave")
                .atMost(Duration.ofSeconds(10))
                .until(() -> slave.topics().find("Orders").isPresent());

        RemotingCommand refused = send(slave, "Orders", "to-the-slave");
        assertThat(refused.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE.code());
        assertThat(refused.remark()).contains("is a slave").contains(address(master));
        RemotingCommand topicChange = client.invokeSync(address(slave), BrokerRequests.createTopic("Other"), 5_000);
        assertThat(topicChange.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE.code());

        RemotingCommand sentBack = pull(slave, "Orders", 0);
        assertThat(sentBack.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY.code());
        assertThat(sentBack.decodeHeader(PullMessageResponseHeader::decode).suggestWhichBrokerId())
                .isZero();

        master.shutdown();
        master = null;
        await().atMost(Duration.ofSeconds(5)).until(() -> !slave.replication().masterReachable());
        RemotingCommand served = pull(slave, "Orders", 0);
        assertThat(served.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("one");
    }

    @Test
    void withSlaveReadsOnTheSlaveServesAndTheMasterSuggestsItOnlyToSlowConsumers() {
        master = broker("master", Map.of("brokerRole", "ASYNC_MASTER", "slaveReadEnable", "true"));
        slave = startSlave(Map.of("slaveReadEnable", "true"));
        RemotingCommand sent = send(master, "Orders", "fast");
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
        long offset = commitLogOffsetOf(sent);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> slave.store().readRecord(offset).isPresent());
        await("the topic copied to the slave")
                .atMost(Duration.ofSeconds(10))
                .until(() -> slave.topics().find("Orders").isPresent());
        await().until(() -> slave.store().maxOffset("Orders", 0) == 1);

        RemotingCommand fromSlave = pull(slave, "Orders", 0);
        assertThat(fromSlave.code()).isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand fromMaster = pull(master, "Orders", 0);
        assertThat(fromMaster.code()).isEqualTo(ResponseCode.SUCCESS.code());
        // a consumer that is not behind is told to stay with the master
        assertThat(fromMaster.decodeHeader(PullMessageResponseHeader::decode).suggestWhichBrokerId())
                .isZero();
    }
}
