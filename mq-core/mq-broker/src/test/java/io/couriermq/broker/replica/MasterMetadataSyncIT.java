package io.couriermq.broker.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.processor.ReplicationMetadataProcessor;
import io.couriermq.broker.schedule.DelayProgress;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import io.couriermq.remoting.protocol.body.TimerCheckpointBody;
import io.couriermq.remoting.protocol.header.broker.CreateTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two brokers in one JVM over real sockets: what is created and committed on the master shows up on the
 * other broker through its {@link MasterMetadataSync}, and a newer commit taken by the slave goes back.
 *
 * <p>Until {@code Broker} registers {@link ReplicationMetadataProcessor} (the lead wires it), its codes
 * are served by a second server over the master broker's own offset table; topics, groups and
 * hand-backs go to the master broker's port.
 */
class MasterMetadataSyncIT {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Broker master;
    private Broker slave;
    private NettyRemotingServer replicationServer;
    private NettyRemotingClient client;
    private MasterMetadataSync sync;
    private DelayProgress masterDelay;
    private DelayProgress slaveDelay;

    @BeforeEach
    void setUp() {
        master = startBroker(dir.resolve("master"));
        slave = startBroker(dir.resolve("slave"));
        masterDelay = new DelayProgress(dir.resolve("master-delay"));
        slaveDelay = new DelayProgress(dir.resolve("slave-delay"));
        replicationServer = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"), new ChannelEventListener() {});
        ReplicationMetadataProcessor processor = new ReplicationMetadataProcessor(
                master.offsets(), masterDelay, () -> new TimerCheckpointBody(0, 0, 0, 0, null));
        var executor = replicationServer.newProcessorExecutor("replication", 1, 100);
        ReplicationMetadataProcessor.CODES.forEach(
                code -> replicationServer.registerProcessor(code, processor, executor));
        replicationServer.start();
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        String replicationAddress = "127.0.0.1:" + replicationServer.localPort();
        MasterRequests requests = (address, request) -> client.invokeSync(
                ReplicationMetadataProcessor.CODES.contains(RequestCode.of(request.code()))
                        ? replicationAddress
                        : address,
                request,
                3_000);
        sync = new MasterMetadataSync(
                requests,
                () -> master.address(),
                new SlaveMetadata(slave.topics(), slave.subscriptionGroups(), slave.offsets(), slaveDelay),
                Clock.system(),
                100);
        sync.start();
    }

    @AfterEach
    void tearDown() {
        if (sync != null) {
            sync.shutdown();
        }
        if (client != null) {
            client.close();
        }
        if (replicationServer != null) {
            replicationServer.shutdown();
        }
        for (Broker broker : new Broker[] {slave, master}) {
            if (broker != null) {
                broker.shutdown();
            }
        }
    }

    @Test
    void whatTheMasterHasReachesTheSlave() {
        call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .header(new CreateTopicRequestHeader("Orders", "TBW102", 4, 4, 6, "SINGLE_TAG", 0, false, null, null))
                .build());
        call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
                .body(RemotingJson.encode(SubscriptionGroupConfig.defaults("billing")))
                .build());
        call(RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                .header(new UpdateConsumerOffsetRequestHeader("billing", "Orders", 2, 42, null))
                .build());
        masterDelay.advance(3, 9);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(slave.topics().find("Orders")).isPresent();
            assertThat(slave.subscriptionGroups().find("billing")).isPresent();
            assertThat(slave.offsets().committedOffset("billing", "Orders", 2)).hasValue(42);
            assertThat(slaveDelay.offset(3)).isEqualTo(9);
        });
        assertThat(slave.topics().dataVersion()).isEqualTo(master.topics().dataVersion());
    }

    @Test
    void aNewerLargerCommitOnTheSlaveGoesBackToTheMaster() {
        call(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .header(new CreateTopicRequestHeader("Orders", "TBW102", 4, 4, 6, "SINGLE_TAG", 0, false, null, null))
                .build());
        master.offsets().commit("billing", "Orders", 1, 10);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(slave.offsets().committedOffset("billing", "Orders", 1))
                .hasValue(10));

        slave.offsets().commit("billing", "Orders", 1, 25); // a consumer that could not reach the master

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(master.offsets().committedOffset("billing", "Orders", 1))
                        .hasValue(25));
        assertThat(slave.offsets().committedOffset("billing", "Orders", 1)).hasValue(25);
    }

    private void call(RemotingCommand request) {
        RemotingCommand response = client.invokeSync(master.address(), request, 3_000);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    private static Broker startBroker(Path storeDir) {
        Broker broker = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "listenPort",
                                "0",
                                "brokerIP1",
                                "127.0.0.1",
                                "mappedFileSizeCommitLog",
                                String.valueOf(8 << 20),
                                "mappedFileSizeConsumeQueue",
                                String.valueOf(20 * 1000)),
                        storeDir,
                        "127.0.0.1"),
                Clock.system());
        broker.start();
        return broker;
    }
}
