package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.acl.check.DenialReason;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.netty.NettyRemotingServer;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.remoting.rpc.ChannelEventListener;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker with aclEnable=true over real sockets, driven by our remoting client signing as the official
 * AclClientRPCHook does: every refusal is code 1 with RocketMQ 5.2.0's AclException remark, and nothing
 * refused is stored or created. One broker for the class; each test uses its own topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAclIT {
    private static final String REMARK = "org.apache.rocketmq.acl.common.AclException: ";

    static final String ACCOUNTS = """
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - TopicOk=PUB|SUB
                  - TopicOneway=PUB|SUB
                  - TopicFast=PUB|SUB
                  - TopicSubOnly=SUB
                  - TopicNew=PUB
                groupPerms:
                  - GroupDenied=DENY
              - accessKey: rocketmq2
                secretKey: 12345678
                admin: true
            """;

    private Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private Broker broker;
    private String address;
    private NettyRemotingClient user;
    private NettyRemotingClient admin;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path accounts = dir.resolve("conf/plain_acl.yml");
        Files.createDirectories(accounts.getParent());
        Files.writeString(accounts, ACCOUNTS);
        BrokerSettings settings =
                LocalCluster.brokerSettings(dir.resolve("store"), LocalCluster.smallFiles(Map.of("aclEnable", "true")));
        broker = cluster.startBroker(settings.withAcl(settings.acl().withAccountsFile(accounts)), Clock.system());
        address = LocalCluster.address(broker);
        user = cluster.client(new Credentials("RocketMQ", "12345678"));
        admin = cluster.client(new Credentials("rocketmq2", "12345678"));
        assertThat(call(admin, createTopic("TopicOk")).code()).isEqualTo(0);
    }

    private RemotingCommand call(NettyRemotingClient client, RemotingCommand request) {
        return client.invokeSync(address, request, 5_000);
    }

    private static RemotingCommand send(String topic, String body) {
        return BrokerRequests.send(topic, 0).bornAt(1_700_000_000_000L).body(body);
    }

    private static RemotingCommand pull(String group, String topic) {
        return BrokerRequests.pull(topic, 0, 0).consumerGroup(group).build();
    }

    private static RemotingCommand createTopic(String topic) {
        return BrokerRequests.createTopic(topic);
    }

    private static void assertRefused(RemotingCommand response, String message) {
        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).startsWith(REMARK + message + ", ");
    }

    @Test
    void correctCredentialsSendAndPull() {
        RemotingCommand sent = call(user, send("TopicOk", "hello"));
        assertThat(sent.code()).isEqualTo(0);

        RemotingCommand pulled = await().atMost(Duration.ofSeconds(5))
                .until(() -> call(user, pull("GroupOk", "TopicOk")), response -> response.code() == 0);
        List<StoredMessage> messages = MessageDecoder.decodeAll(ByteBuffer.wrap(pulled.body()));
        assertThat(messages).isNotEmpty();
        assertThat(StandardCharsets.UTF_8
                        .decode(messages.get(0).message().body())
                        .toString())
                .isEqualTo("hello");
    }

    @Test
    void badCredentialsAreRefusedAndNothingIsStored() {
        long before = broker.store().maxOffset("TopicOk", 0);

        assertRefused(
                call(cluster.client(new Credentials("RocketMQ", "wrong-secret")), send("TopicOk", "x")),
                "Check signature failed for accessKey=RocketMQ");
        assertRefused(
                call(cluster.client(new Credentials("nobody99", "12345678")), send("TopicOk", "x")),
                "No acl config for nobody99");
        assertRefused(call(cluster.client(null), send("TopicOk", "x")), "No accessKey is configured");

        assertThat(broker.store().maxOffset("TopicOk", 0)).isEqualTo(before);
    }

    @Test
    void aTopicWithoutPubIsRefusedAndNotCreated() {
        assertRefused(call(user, send("TopicSubOnly", "x")), "No permission for topic:TopicSubOnly");
        assertRefused(call(user, send("TopicOther", "x")), "No default permission for topic:TopicOther");
        assertThat(broker.topics().find("TopicSubOnly")).isEmpty();
        assertThat(broker.topics().find("TopicOther")).isEmpty();
    }

    @Test
    void aGroupWithoutSubCannotPull() {
        assertRefused(call(user, pull("GroupDenied", "TopicOk")), "No permission for group:GroupDenied");
    }

    @Test
    void onlyAdminsCreateTopics() {
        assertRefused(
                call(user, createTopic("TopicByUser")),
                "Need admin permission for request code=17, but accessKey=RocketMQ is not");
        assertThat(broker.topics().find("TopicByUser")).isEmpty();
        assertThat(call(admin, createTopic("TopicByAdmin")).code()).isEqualTo(0);
        assertThat(broker.topics().find("TopicByAdmin")).isPresent();
    }

    @Test
    void aRefusedOnewayRequestIsDroppedUnansweredAndStoresNothing() {
        assertThat(call(admin, createTopic("TopicOneway")).code()).isEqualTo(0);
        long refusedBefore = broker.aclRefusals().count(DenialReason.BAD_SIGNATURE);
        NettyRemotingClient forger = cluster.client(new Credentials("RocketMQ", "wrong-secret"));

        forger.invokeOneway(address, send("TopicOneway", "forged")).join();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> broker.aclRefusals().count(DenialReason.BAD_SIGNATURE) > refusedBefore);

        RemotingCommand genuine = call(user, send("TopicOneway", "genuine"));
        assertThat(genuine.code()).isEqualTo(0);
        assertThat(genuine.decodeHeader(SendMessageResponseHeader::decode).queueOffset())
                .as("the forged message took no offset")
                .isZero();
    }

    @Test
    void theFastChannelIsGuardedToo() {
        String fast = "127.0.0.1:" + broker.fastListenPort();
        RemotingCommand refused = cluster.client(new Credentials("RocketMQ", "wrong-secret"))
                .invokeSync(fast, send("TopicFast", "x"), 5_000);
        assertRefused(refused, "Check signature failed for accessKey=RocketMQ");
        assertThat(user.invokeSync(fast, send("TopicFast", "x"), 5_000).code()).isEqualTo(0);
    }

    @Test
    void aclManagementWorksForAdminsOnly() {
        RemotingCommand create = RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG)
                .extField("accessKey", "NewUser1")
                .extField("secretKey", "new-secret")
                .extField("admin", "false")
                .extField("defaultTopicPerm", "DENY")
                .extField("topicPerms", "TopicOk=PUB,TopicNew=SUB")
                .build();
        assertRefused(call(user, create), "Need admin permission for request code=50, but accessKey=RocketMQ is not");
        assertThat(call(admin, create).code()).isEqualTo(0);

        NettyRemotingClient newUser = cluster.client(new Credentials("NewUser1", "new-secret"));
        assertThat(call(newUser, send("TopicOk", "from the new account")).code())
                .isEqualTo(0);

        RemotingCommand versions = call(
                admin,
                RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_ACL_INFO).build());
        assertThat(versions.code()).isEqualTo(0);
        assertThat(versions.extFields())
                .containsEntry("brokerName", "broker-a")
                .containsEntry("clusterName", "DefaultCluster")
                .containsKeys("version", "allAclFileVersion", "brokerAddr");
        assertThat(versions.extField("version")).contains("\"counter\":1");

        RemotingCommand config = call(
                admin,
                RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG)
                        .build());
        assertThat(config.code()).isEqualTo(0);
        String body = new String(config.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("NewUser1").doesNotContain("new-secret").doesNotContain("12345678");

        RemotingCommand whiteList = RemotingCommand.request(RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG)
                .extField("globalWhiteAddrs", "10.99.99.*")
                .build();
        assertThat(call(admin, whiteList).code()).isEqualTo(0);
        assertThat(RemotingJson.decode(
                        call(
                                        admin,
                                        RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG)
                                                .build())
                                .body(),
                        Map.class))
                .containsEntry("globalWhiteAddrs", List.of("10.99.99.*"));

        RemotingCommand delete = RemotingCommand.request(RequestCode.DELETE_ACL_CONFIG)
                .extField("accessKey", "NewUser1")
                .build();
        assertThat(call(admin, delete).code()).isEqualTo(0);
        assertRefused(call(newUser, send("TopicOk", "x")), "No acl config for NewUser1");
        assertThat(call(admin, delete).code()).isEqualTo(ResponseCode.DELETE_ACL_CONFIG_FAILED.code());
    }

    @Test
    void anEditedAccountsFileIsInForceWithoutARestart() throws IOException {
        assertThat(call(admin, createTopic("TopicReload")).code()).isEqualTo(0);
        assertRefused(call(user, send("TopicReload", "x")), "No default permission for topic:TopicReload");

        Path accounts = dir.resolve("conf/plain_acl.yml");
        String current = Files.readString(accounts);
        assertThat(current).contains("- TopicNew=PUB\n");
        Files.writeString(accounts, current.replace("- TopicNew=PUB", "- TopicNew=PUB\n      - TopicReload=PUB"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> call(user, send("TopicReload", "after the edit")).code() == 0);
    }

    @Test
    void theBrokerSignsItsOwnRequestsWithItsInnerCredentials() throws IOException {
        AtomicReference<RemotingCommand> registration = new AtomicReference<>();
        NettyRemotingServer nameServer =
                new NettyRemotingServer(RemotingServerConfig.defaults(0), new ChannelEventListener() {});
        nameServer.registerProcessor(
                RequestCode.REGISTER_BROKER,
                (context, request) -> {
                    registration.compareAndSet(null, request);
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .build();
                },
                nameServer.newProcessorExecutor("fake-namesrv", 1, 10));
        nameServer.start();
        BrokerSettings settings = LocalCluster.brokerSettings(
                dir.resolve("signed-store"),
                Map.of(
                        "brokerName",
                        "broker-signed",
                        "namesrvAddr",
                        "127.0.0.1:" + nameServer.localPort(),
                        "aclEnable",
                        "true",
                        "innerClientAuthenticationCredentials",
                        "{\"accessKey\":\"broker-inner\",\"secretKey\":\"inner-secret\"}",
                        "mappedFileSizeCommitLog",
                        String.valueOf(8 << 20)));
        Broker signing = new Broker(
                settings.withAcl(settings.acl().withAccountsFile(dir.resolve("conf/plain_acl.yml"))), Clock.system());
        try {
            signing.start();
            RemotingCommand request = await().atMost(Duration.ofSeconds(10)).until(registration::get, r -> r != null);
            assertThat(request.extField("AccessKey")).isEqualTo("broker-inner");
            assertThat(RequestSignature.verify(request, "inner-secret")).isTrue();
        } finally {
            signing.shutdown();
            nameServer.shutdown();
        }
    }

    @Test
    void aBrokerWhoseAccountsCannotBeReadDoesNotStart() throws IOException {
        Path bad = dir.resolve("bad/plain_acl.yml");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "accounts:\n  - accessKey: RocketMQ\n    secretKey: 123\n");
        BrokerSettings settings = LocalCluster.brokerSettings(
                dir.resolve("bad-store"),
                Map.of("aclEnable", "true", "mappedFileSizeCommitLog", String.valueOf(8 << 20)));
        Broker refused = new Broker(settings.withAcl(settings.acl().withAccountsFile(bad)), Clock.system());

        assertThatThrownBy(refused::start)
                .hasMessageStartingWith(bad.toAbsolutePath() + ":3: secretKey must be longer");
    }
}
