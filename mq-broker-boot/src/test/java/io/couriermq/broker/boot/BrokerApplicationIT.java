package io.couriermq.broker.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.DeleteTopicRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.PullSysFlag;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import io.couriermq.remoting.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as {@code --standalone} runs it, started the way {@code main} starts it, every port
 * free-chosen: the embedded NameServer routes the broker, a raw SEND_MESSAGE_V2 is stored, and health,
 * metrics and /actuator/broker say so. Each test uses its own topic because the application (and its
 * counters) is shared.
 */
class BrokerApplicationIT {
    @TempDir
    static Path storeDir;

    private static ConfigurableApplicationContext application;
    private static NameServer nameServer;
    private static BrokerLifecycle lifecycle;
    private static BrokerGauges gauges;
    private static int actuatorPort;

    @BeforeAll
    static void start() {
        application = BrokerApplication.run(
                "--standalone",
                "--server.port=0",
                "--courier.namesrv.listen-port=0",
                "--courier.namesrv.bind-address=127.0.0.1",
                "--courier.broker.listenPort=0",
                "--courier.broker.brokerIP1=127.0.0.1",
                "--courier.broker.mapped-file-size-commit-log=8388608",
                "--courier.broker.mappedFileSizeConsumeQueue=20000",
                "--courier.broker.storePathRootDir=" + storeDir);
        nameServer = application.getBean(NameServer.class);
        lifecycle = application.getBean(BrokerLifecycle.class);
        gauges = application.getBean(BrokerGauges.class);
        actuatorPort = Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    private NettyRemotingClient client;
    private String brokerAddress;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        brokerAddress = "127.0.0.1:" + lifecycle.broker().listenPort();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theEmbeddedNameServerRoutesTheDefaultTopicToTheBroker() {
        TopicRouteData route = await().atMost(Duration.ofSeconds(10))
                .until(() -> nameServer.routes().snapshot().routeOf("TBW102", null), r -> r != null);

        assertThat(route.brokerDatas().get(0).masterAddress()).isEqualTo(brokerAddress);
        assertThat(lifecycle.settings().broker().nameServerAddresses())
                .containsExactly("127.0.0.1:" + nameServer.listenPort());
    }

    @Test
    void healthIsUpWithTheBrokerComponentOnceRegistered() {
        String health = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/actuator/health"), body -> body.endsWith("\"status\":\"UP\"}"));

        assertThat(health)
                .contains("\"broker\":{")
                .contains("\"address\":\"" + brokerAddress + "\"")
                .contains("\"role\":\"ASYNC_MASTER\"")
                .contains("\"writable\":true")
                .contains("ms ago");
    }

    @Test
    void aSentMessageIsCountedAndShownWithItsOffset() {
        assertThat(send("Orders", 0, "hello").code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(get("/actuator/metrics/courier.broker.messages.in?tag=topic:Orders"))
                .contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
        assertThat(get("/actuator/metrics/courier.broker.bytes.in?tag=topic:Orders"))
                .contains("\"statistic\":\"COUNT\"");
        assertThat(get("/actuator/metrics/courier.broker.put.latency?tag=topic:Orders"))
                .contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
        String broker = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> get("/actuator/broker"),
                        body -> body.contains("{\"queueId\":0,\"minOffset\":0,\"maxOffset\":1}"));
        assertThat(broker)
                .contains("\"brokerName\":\"broker-a\"")
                .contains("\"cluster\":\"DefaultCluster\"")
                .contains("\"Orders\":{\"readQueues\":");
    }

    @Test
    void pullsAndCommittedOffsetsShowAsTrafficOutAndLag() {
        send("Payments", 1, "one");
        send("Payments", 1, "two");
        await().atMost(Duration.ofSeconds(5)).until(() -> pull("Payments", 1, 0).code() == ResponseCode.SUCCESS.code());
        commit("Payments", 1, 1);
        gauges.refreshLagGauges();

        assertThat(get("/actuator/metrics/courier.broker.messages.out?tag=group:cg&tag=topic:Payments"))
                .contains("\"statistic\":\"COUNT\",\"value\":2.0");
        assertThat(get("/actuator/metrics/courier.broker.consumer.lag?tag=group:cg&tag=topic:Payments"))
                .contains("{\"statistic\":\"VALUE\",\"value\":1.0}");
        assertThat(get("/actuator/broker")).contains("\"cg\":{\"onlineClients\":0,\"lagByTopic\":{\"Payments\":1}}");
    }

    @Test
    void aSlaveOfThisMasterShowsInItsReplicationViewHealthAndMeters() {
        assertThat(get("/actuator/broker")).contains("\"replication\":{\"role\":\"ASYNC_MASTER\"");
        Broker slave = new Broker(
                BrokerSettingsLoader.load(
                        Map.of(
                                "brokerRole", "SLAVE",
                                "brokerId", "1",
                                "listenPort", "0",
                                "brokerName", lifecycle.settings().broker().brokerName(),
                                "haMasterAddress",
                                        "127.0.0.1:" + lifecycle.broker().haListenPort(),
                                "haSendHeartbeatInterval", "200",
                                "mappedFileSizeCommitLog", "8388608",
                                "mappedFileSizeConsumeQueue", "20000"),
                        storeDir.resolve("slave"),
                        "127.0.0.1"),
                Clock.system());
        slave.start();
        try {
            assertThat(send("Replicated", 0, "copied").code()).isEqualTo(ResponseCode.SUCCESS.code());
            long masterEnd = lifecycle.broker().store().stats().commitLogMaxOffset();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> slave.store().stats().commitLogMaxOffset() == masterEnd);
            String view = await().atMost(Duration.ofSeconds(5))
                    .until(() -> get("/actuator/broker"), body -> body.contains("\"lagBytes\":0,"));
            assertThat(view).contains("\"acknowledgedOffset\":" + masterEnd).contains("\"inSync\":true");
            assertThat(get("/actuator/health")).contains("\"slavesInSync\":1");
            assertThat(get("/actuator/metrics/courier.broker.replication.slaves.in.sync"))
                    .contains("{\"statistic\":\"VALUE\",\"value\":1.0}");
            assertThat(get("/actuator/metrics/courier.broker.replication.transferred"))
                    .contains("\"statistic\":\"COUNT\"");
        } finally {
            slave.shutdown();
        }
    }

    @Test
    void stateGaugesAreExposed() {
        assertThat(get("/actuator/metrics/courier.broker.send.queue.depth")).contains("\"VALUE\"");
        assertThat(get("/actuator/metrics/courier.broker.topics")).contains("\"VALUE\"");
        assertThat(get("/actuator/metrics/courier.acl.refused"))
                .contains("\"COUNT\"")
                .contains("reason");
    }

    @Test
    void prometheusShowsStoreMetersAndForgetsADeletedTopicsMeters() {
        assertThat(send("Doomed", 0, "soon gone").code()).isEqualTo(ResponseCode.SUCCESS.code());
        String scrape = get("/actuator/prometheus");
        assertThat(scrape)
                .contains("courier_broker_messages_in_total{topic=\"Doomed\"} 1.0")
                .contains("courier_store_flush_seconds_count")
                .contains("courier_store_dispatch_lag_bytes")
                .contains("courier_store_flush_lag_bytes")
                .contains("courier_store_consumequeue_size_bytes")
                .containsPattern("courier_store_disk_used_ratio \\d")
                .containsPattern("courier_store_commitlog_size_bytes [1-9]");

        RemotingCommand deleted = client.invokeSync(
                brokerAddress,
                RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER)
                        .header(new DeleteTopicRequestHeader("Doomed"))
                        .build(),
                3_000);
        assertThat(deleted.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(get("/actuator/prometheus")).doesNotContain("topic=\"Doomed\"");
    }

    @Test
    void infoShowsTheBuildAndTheCommit() {
        assertThat(get("/actuator/info"))
                .contains("\"build\":{")
                .contains("\"artifact\":\"mq-broker-boot\"")
                .containsPattern("\"git\":\\{.*\"commit\":\\{.*\"id\":");
    }

    private RemotingCommand send(String topic, int queueId, String body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg",
                topic,
                "TBW102",
                4,
                queueId,
                0,
                System.currentTimeMillis(),
                0,
                "",
                0,
                false,
                null,
                false,
                "broker-a");
        return client.invokeSync(
                brokerAddress,
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                        .header(header.v2())
                        .body(body.getBytes(StandardCharsets.UTF_8))
                        .build(),
                3_000);
    }

    private RemotingCommand pull(String topic, int queueId, long offset) {
        return client.invokeSync(
                brokerAddress,
                RemotingCommand.request(RequestCode.PULL_MESSAGE)
                        .header(new PullMessageRequestHeader(
                                "cg",
                                topic,
                                queueId,
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

    private void commit(String topic, int queueId, long offset) {
        RemotingCommand response = client.invokeSync(
                brokerAddress,
                RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                        .header(new UpdateConsumerOffsetRequestHeader("cg", topic, queueId, offset, "broker-a"))
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void theConsoleShowsThisBrokerThroughItsNameServer() {
        String page = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/console/cluster"), body -> body.contains(brokerAddress));

        assertThat(page).contains("MASTER", "V5_2_0");
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + actuatorPort + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
