package io.couriermq.broker.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.HaRuntimeInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and its slave in one JVM over real sockets, the slave finding its master through the
 * NameServer: what is created and committed on the master shows up on the slave through its {@link
 * MasterMetadataSync}, a newer commit taken by the slave goes back, and both answer GET_BROKER_HA_STATUS.
 */
class MasterMetadataSyncIT {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer nameServer;
    private Broker master;
    private Broker slave;
    private NettyRemotingClient client;

    @BeforeEach
    void setUp() {
        nameServer = cluster.startNameServer();
        master = startBroker(dir.resolve("master"), Map.of());
        slave = startBroker(dir.resolve("slave"), Map.of("brokerRole", "SLAVE", "brokerId", "1"));
        client = cluster.client();
    }

    @Test
    void whatTheMasterHasReachesTheSlave() {
        call(BrokerRequests.createTopic("Orders"));
        call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
                .body(RemotingJson.encode(SubscriptionGroupConfig.defaults("billing")))
                .build());
        call(RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                .header(new UpdateConsumerOffsetRequestHeader("billing", "Orders", 2, 42, null))
                .build());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(slave.topics().find("Orders")).isPresent();
            assertThat(slave.subscriptionGroups().find("billing")).isPresent();
            assertThat(slave.offsets().committedOffset("billing", "Orders", 2)).hasValue(42);
        });
        assertThat(slave.topics().dataVersion()).isEqualTo(master.topics().dataVersion());
    }

    @Test
    void aNewerLargerCommitOnTheSlaveGoesBackToTheMaster() {
        call(BrokerRequests.createTopic("Orders"));
        master.offsets().commit("billing", "Orders", 1, 10);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(slave.offsets().committedOffset("billing", "Orders", 1))
                .hasValue(10));

        slave.offsets().commit("billing", "Orders", 1, 25); // a consumer that could not reach the master

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(master.offsets().committedOffset("billing", "Orders", 1))
                        .hasValue(25));
        assertThat(slave.offsets().committedOffset("billing", "Orders", 1)).hasValue(25);
    }

    @Test
    void bothAnswerHaStatusAsMqadminReadsIt() {
        await().atMost(PATIENCE).until(() -> haStatus(master).inSyncSlaveNums() == 1);
        HaRuntimeInfo onMaster = haStatus(master);
        assertThat(onMaster.master()).isTrue();
        assertThat(onMaster.haConnectionInfo()).singleElement().satisfies(connection -> {
            assertThat(connection.inSync()).isTrue();
            assertThat(connection.diff()).isZero();
            assertThat(connection.slaveAckOffset()).isEqualTo(onMaster.masterCommitLogMaxOffset());
        });

        HaRuntimeInfo onSlave = haStatus(slave);
        assertThat(onSlave.master()).isFalse();
        assertThat(onSlave.haClientRuntimeInfo().masterAddr()).isEqualTo("127.0.0.1:" + master.haListenPort());
        assertThat(onSlave.haClientRuntimeInfo().maxOffset()).isEqualTo(onMaster.masterCommitLogMaxOffset());
        assertThat(onSlave.haClientRuntimeInfo().lastReadTimestamp()).isPositive();
    }

    private HaRuntimeInfo haStatus(Broker broker) {
        RemotingCommand response = client.invokeSync(
                LocalCluster.address(broker),
                RemotingCommand.request(RequestCode.GET_BROKER_HA_STATUS).build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), HaRuntimeInfo.class);
    }

    private void call(RemotingCommand request) {
        RemotingCommand response = client.invokeSync(master.address(), request, 3_000);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private Broker startBroker(Path storeDir, Map<String, String> extra) {
        Map<String, String> entries = LocalCluster.smallFiles(Map.of(
                "namesrvAddr", LocalCluster.address(nameServer),
                "brokerIP1", "127.0.0.1",
                "haSendHeartbeatInterval", "200"));
        entries.putAll(extra);
        return cluster.startBroker(storeDir, entries);
    }
}
