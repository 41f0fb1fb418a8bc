package io.couriermq.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SYNC_MASTER and its slave over real sockets, the slave finding its master through the NameServer. */
class ReplicationIT {
    @TempDir
    Path dir;

    private NameServer nameServer;
    private Broker master;
    private Broker slave;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        nameServer = new NameServer(
                new NameServerConfig(
                        RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), 120_000, 1_000, false),
                Clock.system());
        nameServer.start();
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stop() {
        client.close();
        if (slave != null) {
            slave.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
        nameServer.shutdown();
    }

    private Broker broker(String name, Map<String, String> extra) {
        Map<String, String> entries = new HashMap<>(Map.of(
                "namesrvAddr", "127.0.0.1:" + nameServer.listenPort(),
                "listenPort", "0",
                "brokerName", "broker-a",
                "mappedFileSizeCommitLog", String.valueOf(8 << 20),
                "mappedFileSizeConsumeQueue", String.valueOf(20 * 1000),
                "haSendHeartbeatInterval", "200",
                "haHousekeepingInterval", "2000",
                "syncFlushTimeout", "1500"));
        entries.putAll(extra);
        Broker broker = new Broker(BrokerSettingsLoader.load(entries, dir.resolve(name), "127.0.0.1"), Clock.system());
        broker.start();
        return broker;
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
        return "127.0.0.1:" + broker.listenPort();
    }

    private RemotingCommand send(Broker broker, String topic, String body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg", topic, "TBW102", 4, 0, 0, System.currentTimeMillis(), 0, "", 0, false, null, false, "broker-a");
        return client.invokeSync(
                address(broker),
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .header(header.v2())
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .build(),
                5_000);
    }

    private RemotingCommand pull(Broker broker, String topic, long offset) {
        return client.invokeSync(
                address(broker),
                RemotingCommand.request(RequestCode.PULL_MESSAGE)
                        .header(new PullMessageRequestHeader(
                                "cg",
                                topic,
                                0,
                                offset,
                                32,
                                PullSysFlag.SUBSCRIPTION,
                                0,
                                0,
                                "*",
                                0,
                                "TAG",
                                null,
                                "broker-a"))
                        .build(),
                5_000);
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
        RemotingCommand topicChange = client.invokeSync(
                address(slave),
                RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                        .header(new CreateTopicRequestHeader(
                                "Other", "TBW102", 4, 4, 6, "SINGLE_TAG", 0, false, "", null))
                        .build(),
                5_000);
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
