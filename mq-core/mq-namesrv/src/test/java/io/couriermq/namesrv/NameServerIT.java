package io.couriermq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.common.time.Clock;
import io.couriermq.common.time.ManualClock;
import io.couriermq.namesrv.route.BrokerLiveness;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.protocol.body.ClusterInfo;
import io.couriermq.remoting.protocol.body.KVTable;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicList;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.BrokerIdentityHeader;
import io.couriermq.remoting.protocol.header.namesrv.KvConfigRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.NamespaceRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NameServer over real sockets, spoken to the way brokers, clients and admin tools speak to it. */
class NameServerIT {
    private static final String CLUSTER = "DefaultCluster";
    private static final long TIMEOUT_MS = 3_000;

    private NameServer nameServer;
    private NettyRemotingClient broker;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        startNameServer(Clock.system());
        broker = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
        client = new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    private void startNameServer(Clock clock) {
        RemotingServerConfig remoting = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        nameServer = new NameServer(new NameServerConfig(remoting, 120_000, 100, false), clock);
        nameServer.start();
        address = "127.0.0.1:" + nameServer.listenPort();
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
        nameServer.shutdown();
    }

    @Test
    void aRegisteredTopicIsRoutedToItsBroker() {
        assertThat(register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON)
                        .code())
                .isEqualTo(ResponseCode.SUCCESS.code());

        RemotingCommand response = client.invokeSync(address, routeRequest("TopicTest"), TIMEOUT_MS);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        TopicRouteData route = RemotingJson.decode(response.body(), TopicRouteData.class);
        assertThat(route.queueDatas()).singleElement().satisfies(queues -> {
            assertThat(queues.brokerName()).isEqualTo("broker-a");
            assertThat(queues.writeQueueNums()).isEqualTo(4);
        });
        assertThat(route.brokerDatas().get(0).masterAddress()).isEqualTo("127.0.0.1:10911");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"brokerAddrs\":{\"0\":");
    }

    @Test
    void anUnknownTopicIsAnsweredTopicNotExist() {
        RemotingCommand response = client.invokeSync(address, routeRequest("nobody"), TIMEOUT_MS);

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(response.remark()).contains("nobody");
    }

    @Test
    void binaryHeadersAreAnsweredInBinary() {
        RemotingCommand response = register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.ROCKETMQ);
        assertThat(response.serializeType()).isEqualTo(SerializeType.ROCKETMQ);

        RemotingCommand route = client.invokeSync(
                address,
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader("TopicTest"))
                        .serializeType(SerializeType.ROCKETMQ)
                        .build(),
                TIMEOUT_MS);

        assertThat(route.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(route.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void clusterInfoAndTopicListsShowEveryRegisteredBroker() {
        register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON);
        try (NettyRemotingClient second = newClient()) {
            register(second, "broker-b", "127.0.0.1:10921", null, SerializeType.JSON);

            ClusterInfo cluster = RemotingJson.decode(
                    call(RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO)
                                    .build())
                            .body(),
                    ClusterInfo.class);
            TopicList topics = RemotingJson.decode(
                    call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER)
                                    .build())
                            .body(),
                    TopicList.class);

            assertThat(cluster.clusterAddrTable().get(CLUSTER)).containsExactlyInAnyOrder("broker-a", "broker-b");
            assertThat(cluster.brokerAddrTable()).containsOnlyKeys("broker-a", "broker-b");
            assertThat(topics.topicList()).containsExactlyInAnyOrder("TopicTest", "TBW102");
        }
    }

    @Test
    void aClosedBrokerConnectionRemovesItsRoutesAtOnce() {
        register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON);
        assertThat(call(routeRequest("TopicTest")).code()).isEqualTo(ResponseCode.SUCCESS.code());

        broker.close();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> call(routeRequest("TopicTest")).code() == ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void aSilentBrokerExpiresAfterItsStatedHeartbeatTimeout() {
        register(broker, "broker-a", "127.0.0.1:10911", 300L, SerializeType.JSON);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> call(routeRequest("TopicTest")).code() == ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(nameServer.routes().liveBrokers()).isEmpty();
    }

    @Test
    void unregisterRemovesTheBroker() {
        register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON);

        RemotingCommand response = call(RemotingCommand.request(RequestCode.UNREGISTER_BROKER)
                .header(new BrokerIdentityHeader("broker-a", "127.0.0.1:10911", CLUSTER, 0))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(call(routeRequest("TopicTest")).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void aBodyWhoseCrcDoesNotMatchIsRejected() {
        byte[] body = registrationBody(1).getBytes(StandardCharsets.UTF_8);
        RemotingCommand response = broker.invokeSync(
                address,
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                "broker-a", "127.0.0.1:10911", CLUSTER, null, 0, null, null, false, crc32(body) ^ 1))
                        .body(body)
                        .build(),
                TIMEOUT_MS);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("crc32");
        assertThat(call(routeRequest("TopicTest")).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void aMalformedBodyIsAnsweredWithAnErrorAndTheConnectionStays() {
        RemotingCommand response = broker.invokeSync(
                address,
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                "broker-a", "127.0.0.1:10911", CLUSTER, null, 0, null, null, false, 0))
                        .body("{not json".getBytes(StandardCharsets.UTF_8))
                        .build(),
                TIMEOUT_MS);
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("RegisterBrokerBody");

        RemotingCommand missingHeader = broker.invokeSync(
                address, RemotingCommand.request(RequestCode.REGISTER_BROKER).build(), TIMEOUT_MS);
        assertThat(missingHeader.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(missingHeader.remark()).contains("'brokerName' is required");

        assertThat(register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON)
                        .code())
                .isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void aCompressedRegistrationIsUnderstood() throws IOException {
        byte[] body = compressedBody();
        RemotingCommand response = broker.invokeSync(
                address,
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                "broker-a", "127.0.0.1:10911", CLUSTER, null, 0, null, null, true, crc32(body)))
                        .body(body)
                        .build(),
                TIMEOUT_MS);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());

        TopicRouteData route =
                RemotingJson.decode(call(routeRequest("Compressed")).body(), TopicRouteData.class);
        assertThat(route.queueDatas().get(0).readQueueNums()).isEqualTo(3);
    }

    @Test
    void kvConfigCanBePutReadListedAndDeleted() {
        call(RemotingCommand.request(RequestCode.PUT_KV_CONFIG)
                .header(new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders", "broker-a:4"))
                .build());

        RemotingCommand value = call(RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                .header(new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders", null))
                .build());
        assertThat(value.extField("value")).isEqualTo("broker-a:4");
        KVTable table = RemotingJson.decode(
                call(RemotingCommand.request(RequestCode.GET_KVLIST_BY_NAMESPACE)
                                .header(new NamespaceRequestHeader("ORDER_TOPIC_CONFIG"))
                                .build())
                        .body(),
                KVTable.class);
        assertThat(table.table()).containsEntry("orders", "broker-a:4");

        call(RemotingCommand.request(RequestCode.DELETE_KV_CONFIG)
                .header(new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders", null))
                .build());
        assertThat(call(RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                                .header(new KvConfigRequestHeader("ORDER_TOPIC_CONFIG", "orders", null))
                                .build())
                        .code())
                .isEqualTo(ResponseCode.QUERY_NOT_FOUND.code());
    }

    @Test
    void queryDataVersionTellsABrokerWhetherToRegisterAgain() {
        register(broker, "broker-a", "127.0.0.1:10911", null, SerializeType.JSON);
        BrokerIdentityHeader identity = new BrokerIdentityHeader("broker-a", "127.0.0.1:10911", CLUSTER, 0);

        RemotingCommand same = call(RemotingCommand.request(RequestCode.QUERY_DATA_VERSION)
                .header(identity)
                .body("{\"counter\":1,\"stateVersion\":0,\"timestamp\":1700000000000}".getBytes(StandardCharsets.UTF_8))
                .build());
        RemotingCommand newer = call(RemotingCommand.request(RequestCode.QUERY_DATA_VERSION)
                .header(identity)
                .body("{\"counter\":2,\"stateVersion\":0,\"timestamp\":1700000000001}".getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(same.extField("changed")).isEqualTo("false");
        assertThat(newer.extField("changed")).isEqualTo("true");
    }

    @Test
    void onewayHeartbeatsKeepABrokerWithAShortTimeoutAlive() {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        restartWith(clock); // time moves only when this test says so
        register(broker, "broker-a", "127.0.0.1:10911", 600L, SerializeType.JSON);
        RemotingCommand heartbeat = RemotingCommand.request(RequestCode.BROKER_HEARTBEAT)
                .header(new BrokerIdentityHeader("broker-a", "127.0.0.1:10911", CLUSTER, 0))
                .build();

        for (int beat = 1; beat <= 4; beat++) {
            clock.advanceMillis(400); // each beat inside the 600 ms timeout, 1.6 s of silence in all
            long sentAt = clock.millis();
            broker.invokeOneway(address, heartbeat).join();
            await("heartbeat " + beat + " recorded")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> lastHeardOf("broker-a") == sentAt);
            assertThat(nameServer.routes().expireSilentBrokers()).isEmpty();
        }
        assertThat(call(routeRequest("TopicTest")).code()).isEqualTo(ResponseCode.SUCCESS.code());

        clock.advanceMillis(601); // one beat missed: the expiry scan drops the broker
        await().atMost(Duration.ofSeconds(5))
                .until(() -> call(routeRequest("TopicTest")).code() == ResponseCode.TOPIC_NOT_EXIST.code());
    }

    private void restartWith(Clock clock) {
        nameServer.shutdown();
        startNameServer(clock);
    }

    private long lastHeardOf(String brokerName) {
        return nameServer.routes().liveBrokers().stream()
                .filter(live -> live.brokerName().equals(brokerName))
                .mapToLong(BrokerLiveness::lastUpdateMillis)
                .findFirst()
                .orElse(-1);
    }

    @Test
    void anUnsupportedCodeIsAnsweredNotSupported() {
        RemotingCommand response = call(RemotingCommand.request(999).build());

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code());
        assertThat(response.remark()).contains("999");
    }

    private RemotingCommand call(RemotingCommand request) {
        return client.invokeSync(address, request, TIMEOUT_MS);
    }

    private NettyRemotingClient newClient() {
        return new NettyRemotingClient(RemotingClientConfig.defaults(), new ChannelEventListener() {});
    }

    private RemotingCommand register(
            NettyRemotingClient from, String brokerName, String brokerAddr, Long timeoutMs, SerializeType type) {
        byte[] body = registrationBody(1).getBytes(StandardCharsets.UTF_8);
        return from.invokeSync(
                address,
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                brokerName,
                                brokerAddr,
                                CLUSTER,
                                "127.0.0.1:10912",
                                0,
                                timeoutMs,
                                false,
                                false,
                                crc32(body)))
                        .body(body)
                        .serializeType(type)
                        .build(),
                TIMEOUT_MS);
    }

    private static RemotingCommand routeRequest(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                .header(new TopicRequestHeader(topic))
                .build();
    }

    /** A body shaped like the official 5.2.0 broker's (fastjson output with its 5.x extras). */
    private static String registrationBody(long counter) {
        return "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":" + counter
                + ",\"stateVersion\":0,\"timestamp\":1700000000000},\"mappingDataVersion\":{\"counter\":0,"
                + "\"stateVersion\":0,\"timestamp\":1700000000000},\"topicConfigTable\":{"
                + "\"TopicTest\":{\"attributes\":{},\"order\":false,\"perm\":6,\"readQueueNums\":4,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4},"
                + "\"TBW102\":{\"attributes\":{},\"order\":false,\"perm\":7,\"readQueueNums\":8,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TBW102\",\"topicSysFlag\":0,\"writeQueueNums\":8}},"
                + "\"topicQueueMappingDetailMap\":{},\"topicQueueMappingInfoMap\":{}}}";
    }

    private static byte[] compressedBody() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            writePart(out, "{\"counter\":3,\"stateVersion\":0,\"timestamp\":1700000000000}");
            out.writeInt(1);
            writePart(out, "Compressed 3 3 6 SINGLE_TAG {}");
            writePart(out, "[]");
        }
        return bytes.toByteArray();
    }

    private static void writePart(DataOutputStream out, String text) throws IOException {
        byte[] part = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(part.length);
        out.write(part);
    }

    private static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
