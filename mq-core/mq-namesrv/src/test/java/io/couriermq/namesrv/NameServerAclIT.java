package io.couriermq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.acl.AclConfig;
import io.couriermq.acl.check.DenialReason;
import io.couriermq.acl.file.AclFileException;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.PropertiesText;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.couriermq.remoting.protocol.header.namesrv.TopicRequestHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NameServer with its opt-in ACL on, over real sockets: reads answer anyone, writes need an admin
 * account's signature; a refused write answers code 1 with RocketMQ's AclException remark and changes
 * nothing. One NameServer for the class; each test uses its own topics and brokers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameServerAclIT {
    private static final long TIMEOUT_MS = 3_000;
    private static final String REMARK = "org.apache.rocketmq.acl.common.AclException: ";
    private static final String ACCOUNTS = """
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                defaultTopicPerm: PUB|SUB
              - accessKey: rocketmq2
                secretKey: 12345678
                admin: true
            """;

    private NameServer nameServer;
    private String address;
    private final List<NettyRemotingClient> clients = new ArrayList<>();
    private NettyRemotingClient anonymous;
    private NettyRemotingClient user;
    private NettyRemotingClient wrongSecret;
    private NettyRemotingClient admin;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, ACCOUNTS);
        RemotingServerConfig remoting = RemotingServerConfig.defaults(0).withBindAddress("127.0.0.1");
        nameServer = new NameServer(
                new NameServerConfig(remoting, 120_000, 1_000, false)
                        .withAcl(AclConfig.defaults().withAccountsFile(file)),
                Clock.system());
        nameServer.start();
        address = "127.0.0.1:" + nameServer.listenPort();
        anonymous = client(null);
        user = client(new Credentials("RocketMQ", "12345678"));
        wrongSecret = client(new Credentials("rocketmq2", "87654321"));
        admin = client(new Credentials("rocketmq2", "12345678"));
    }

    @AfterAll
    void stop() {
        clients.forEach(NettyRemotingClient::close);
        nameServer.shutdown();
    }

    private NettyRemotingClient client(Credentials credentials) {
        NettyRemotingClient client = new NettyRemotingClient(
                RemotingClientConfig.defaults().withCredentials(credentials), new ChannelEventListener() {});
        clients.add(client);
        return client;
    }

    @Test
    void unsignedReadsAreAnsweredAsByRocketMq() {
        assertThat(register(admin, "broker-read", "TopicRead").code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(route(anonymous, "TopicRead").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(route(wrongSecret, "TopicRead").code()).isEqualTo(ResponseCode.SUCCESS.code());
        RemotingCommand config = call(
                anonymous,
                RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG).build());
        assertThat(PropertiesText.decode(config.body())).containsEntry("aclEnable", "true");
        assertThat(call(
                                anonymous,
                                RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO)
                                        .build())
                        .code())
                .isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void deletingATopicsRoutesNeedsAnAdmin() {
        assertThat(register(admin, "broker-del", "TopicDel").code()).isEqualTo(ResponseCode.SUCCESS.code());
        long needAdminBefore = nameServer.aclRefusals().count(DenialReason.NEED_ADMIN);

        assertRefused(deleteTopic(anonymous, "TopicDel"), "No accessKey is configured");
        assertRefused(
                deleteTopic(user, "TopicDel"),
                "Need admin permission for request code=216, but accessKey=RocketMQ is not");
        assertRefused(deleteTopic(wrongSecret, "TopicDel"), "Check signature failed for accessKey=rocketmq2");
        assertThat(route(anonymous, "TopicDel").code())
                .as("the routes are still there")
                .isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(nameServer.aclRefusals().count(DenialReason.NEED_ADMIN)).isEqualTo(needAdminBefore + 1);

        assertThat(deleteTopic(admin, "TopicDel").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(route(anonymous, "TopicDel").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
    }

    @Test
    void changingTheConfigurationNeedsAnAdmin() {
        assertRefused(updateConfig(anonymous, "orderMessageEnable=true\n"), "No accessKey is configured");
        assertRefused(
                updateConfig(user, "orderMessageEnable=true\n"),
                "Need admin permission for request code=318, but accessKey=RocketMQ is not");
        assertThat(config()).containsEntry("orderMessageEnable", "false");

        assertThat(updateConfig(admin, "orderMessageEnable=true\n").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(config()).containsEntry("orderMessageEnable", "true");
        assertThat(updateConfig(admin, "orderMessageEnable=false\n").code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void registeringABrokerNeedsAnAdmin() {
        assertRefused(register(anonymous, "broker-fake", "TopicFake"), "No accessKey is configured");
        assertRefused(
                register(user, "broker-fake", "TopicFake"),
                "Need admin permission for request code=103, but accessKey=RocketMQ is not");
        assertThat(route(anonymous, "TopicFake").code())
                .as("no route was registered")
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());
        assertThat(nameServer.routes().snapshot().clusterInfo().brokerAddrTable())
                .doesNotContainKey("broker-fake");

        assertThat(register(admin, "broker-fake", "TopicFake").code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(route(anonymous, "TopicFake").code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    @Test
    void aFileThatCannotBeUsedStopsTheStartNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, "accounts:\n  - accessKey: RocketMQ\n    secretKey: [not, a, string]\n");
        NameServer broken = new NameServer(
                NameServerConfig.defaults(0).withAcl(AclConfig.defaults().withAccountsFile(file)), Clock.system());
        try {
            assertThatThrownBy(broken::start)
                    .isInstanceOf(AclFileException.class)
                    .hasMessageStartingWith(file + ":3: ");
        } finally {
            broken.shutdown();
        }
    }

    private void assertRefused(RemotingCommand response, String message) {
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).startsWith(REMARK + message + ", ");
    }

    private Map<String, String> config() {
        return PropertiesText.decode(call(
                        anonymous,
                        RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG).build())
                .body());
    }

    private RemotingCommand updateConfig(NettyRemotingClient client, String properties) {
        return call(
                client,
                RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG)
                        .body(properties.getBytes(StandardCharsets.UTF_8))
                        .build());
    }

    private RemotingCommand deleteTopic(NettyRemotingClient client, String topic) {
        return call(
                client,
                RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_NAMESRV)
                        .header(new TopicRequestHeader(topic))
                        .build());
    }

    private RemotingCommand route(NettyRemotingClient client, String topic) {
        RemotingCommand response = call(
                client,
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .header(new TopicRequestHeader(topic))
                        .build());
        if (response.code() == ResponseCode.SUCCESS.code()) {
            assertThat(RemotingJson.decode(response.body(), TopicRouteData.class)
                            .brokerDatas())
                    .isNotEmpty();
        }
        return response;
    }

    private RemotingCommand register(NettyRemotingClient client, String brokerName, String topic) {
        byte[] body = ("{\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1,\"stateVersion\":0,"
                        + "\"timestamp\":1700000000000},\"topicConfigTable\":{\"" + topic + "\":{\"order\":false,"
                        + "\"perm\":6,\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"" + topic
                        + "\",\"topicSysFlag\":0,\"writeQueueNums\":4}}},\"filterServerList\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32(); // RocketMQ's UtilAll.crc32 drops the sign bit
        crc.update(body);
        String brokerAddress = "127.0.0.1:" + (20_000 + Math.abs(brokerName.hashCode() % 10_000));
        return call(
                client,
                RemotingCommand.request(RequestCode.REGISTER_BROKER)
                        .header(new RegisterBrokerRequestHeader(
                                brokerName, brokerAddress, "DefaultCluster", brokerAddress, 0, null, false, false, (int)
                                        (crc.getValue() & 0x7FFFFFFF)))
                        .body(body)
                        .build());
    }

    private RemotingCommand call(NettyRemotingClient client, RemotingCommand request) {
        return client.invokeSync(address, request, TIMEOUT_MS);
    }
}
