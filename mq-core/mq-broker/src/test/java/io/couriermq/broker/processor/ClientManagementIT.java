package io.couriermq.broker.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.client.ClientChannelEvents;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangedNotifier;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.client.RebalanceLockManager;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.broker.filter.SqlFilterCache;
import io.couriermq.broker.filter.SubscriptionFilters;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client management over real sockets: heartbeats register consumers, a joining consumer makes the
 * broker notify the others on their own connections, and a consumer whose connection closes
 * disappears from the list every member rebalances against.
 */
class ClientManagementIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ExecutorService notifications = Executors.newSingleThreadExecutor();
    private final ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
    private final List<RemotingCommand> firstClientNotified = new CopyOnWriteArrayList<>();
    private NettyRemotingServer server;
    private NettyRemotingClient first;
    private NettyRemotingClient second;
    private String address;

    @BeforeEach
    void startBroker() {
        Clock clock = Clock.system();
        BrokerConfig config =
                BrokerSettingsLoader.load(Map.of(), dir, "127.0.0.1").broker();
        SubscriptionGroupManager groups = new SubscriptionGroupManager(config, dir, clock);
        ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
        ConsumerGroupRegistry consumers = new ConsumerGroupRegistry(
                clock, new ConsumerIdsChangedNotifier(notifications, groups::notifyConsumerIdsChangedEnabled));
        server = new NettyRemotingServer(
                RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1"),
                new ClientChannelEvents(producers, consumers));
        ExecutorService executor = server.newProcessorExecutor("client-manage", 2, 64);
        ClientManageProcessor clientManage = new ClientManageProcessor(
                producers,
                consumers,
                groups,
                new TopicConfigManager(config, dir, clock),
                new SubscriptionFilters(false, new SqlFilterCache(100)));
        ConsumerGroupProcessor consumerGroups =
                new ConsumerGroupProcessor(consumers, producers, new RebalanceLockManager(clock));
        ClientManageProcessor.CODES.forEach(code -> server.registerProcessor(code, clientManage, executor));
        ConsumerGroupProcessor.CODES.forEach(code -> server.registerProcessor(code, consumerGroups, executor));
        server.start();
        address = "127.0.0.1:" + server.localPort();

        first = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        first.registerProcessor(
                RequestCode.NOTIFY_CONSUMER_IDS_CHANGED.code(),
                (context, request) -> {
                    firstClientNotified.add(request);
                    return null;
                },
                clientExecutor);
        first.registerProcessor(
                RequestCode.GET_CONSUMER_RUNNING_INFO.code(),
                (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(("{\"jstack\":\"" + request.extField("jstackEnable") + "\"}").getBytes(UTF_8))
                        .build(),
                clientExecutor);
        second = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        server.shutdown();
        notifications.shutdownNow();
        clientExecutor.shutdownNow();
    }

    @Test
    void membersJoinAreNotifiedAndADisconnectedMemberLeavesTheList() {
        heartbeat(first, "127.0.0.1@first");
        assertThat(consumerList()).containsExactly("127.0.0.1@first");
        await().atMost(WAIT).until(() -> !firstClientNotified.isEmpty());
        firstClientNotified.clear();

        heartbeat(second, "127.0.0.1@second");

        assertThat(consumerList()).containsExactly("127.0.0.1@first", "127.0.0.1@second");
        await().atMost(WAIT).until(() -> !firstClientNotified.isEmpty());
        RemotingCommand notification = firstClientNotified.get(0);
        assertThat(notification.isOneway()).isTrue();
        assertThat(notification.extField("consumerGroup")).isEqualTo("cg");
        firstClientNotified.clear();

        second.closeConnection(address);

        await().atMost(WAIT).until(() -> consumerList().equals(List.of("127.0.0.1@first")));
        await().atMost(WAIT).until(() -> !firstClientNotified.isEmpty());
    }

    @Test
    void anUnchangedHeartbeatIsAnsweredWithoutANotification() {
        heartbeat(first, "127.0.0.1@first");
        await().atMost(WAIT).until(() -> !firstClientNotified.isEmpty());
        firstClientNotified.clear();

        heartbeat(first, "127.0.0.1@first");

        await().during(Duration.ofMillis(500)).atMost(WAIT).until(firstClientNotified::isEmpty);
    }

    @Test
    void runningInfoIsRelayedToTheConsumerOnItsOwnConnection() {
        heartbeat(first, "127.0.0.1@first");

        RemotingCommand answer = second.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO)
                        .header(new GetConsumerRunningInfoRequestHeader("cg", "127.0.0.1@first", true))
                        .build(),
                5_000);
        RemotingCommand offline = second.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO)
                        .header(new GetConsumerRunningInfoRequestHeader("cg", "127.0.0.1@nobody", false))
                        .build(),
                5_000);

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), UTF_8)).isEqualTo("{\"jstack\":\"true\"}");
        assertThat(offline.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(offline.remark()).contains("not online");
    }

    private void heartbeat(NettyRemotingClient client, String clientId) {
        String body = ClientManageProcessorTest.HEARTBEAT_520.replace("10.0.0.9@12345#123456789", clientId);
        RemotingCommand response = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.HEART_BEAT)
                        .extFields(Map.of())
                        .body(body.getBytes(UTF_8))
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.version()).isEqualTo(453);
    }

    private List<String> consumerList() {
        RemotingCommand response = first.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                        .header(new GetConsumerListByGroupRequestHeader("cg"))
                        .build(),
                3_000);
        if (response.code() != ResponseCode.SUCCESS.code()) {
            return List.of();
        }
        return RemotingJson.decode(response.body(), GetConsumerListByGroupResponseBody.class)
                .consumerIdList();
    }
}
