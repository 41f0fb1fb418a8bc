package io.couriermq.acl.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.acl.file.AccountsLoader;
import io.couriermq.acl.file.AclFileParser;
import io.couriermq.acl.model.Accounts;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.remoting.security.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The research file's fixture accounts (§4) and RocketMQ 5.2.0's answers for them. */
class AccessValidatorTest {
    private static final Path FILE = Path.of("/conf/plain_acl.yml");
    private static final String CLIENT = "10.0.0.9:52000";
    private static final Credentials ROCKETMQ = new Credentials("RocketMQ", "12345678");
    private static final Credentials ADMIN = new Credentials("rocketmq2", "12345678");

    static final String FIXTURE = """
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - TopicOk=PUB|SUB
                  - TopicSubOnly=SUB
                  - TopicPubOnly=PUB
                  - TopicDenied=DENY
                groupPerms:
                  - GroupDenied=DENY
                  - GroupPubOnly=PUB
              - accessKey: rocketmq2
                secretKey: 12345678
                admin: true
              - accessKey: trustedip
                secretKey: 12345678
                whiteRemoteAddress: 10.0.0.9
                defaultTopicPerm: DENY
                defaultGroupPerm: DENY
            """;

    private Accounts accounts = accounts(FIXTURE);

    private static Accounts accounts(String yaml) {
        return AccountsLoader.compile(FILE, List.of(AclFileParser.parse(FILE, yaml)));
    }

    private static RemotingCommand send(String topic, String group) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .extField("a", group)
                .extField("b", topic)
                .extField("c", "TBW102")
                .body("Hello RocketMQ".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static RemotingCommand pull(String group, String topic) {
        return RemotingCommand.request(RequestCode.PULL_MESSAGE)
                .extField("consumerGroup", group)
                .extField("topic", topic)
                .extField("queueId", "0")
                .build();
    }

    private static RemotingCommand heartbeat(String group, String... topics) {
        Set<SubscriptionData> subscriptions = new java.util.LinkedHashSet<>();
        for (String topic : topics) {
            subscriptions.add(new SubscriptionData(topic, "*", Set.of(), Set.of(), 1, "TAG", false));
        }
        HeartbeatData body = new HeartbeatData(
                "client-1",
                Set.of(),
                Set.of(new ConsumerData(group, null, null, null, subscriptions, false)),
                0,
                false);
        return RemotingCommand.request(RequestCode.HEART_BEAT)
                .body(RemotingJson.encode(body))
                .build();
    }

    private AccessDenial check(RemotingCommand request, Credentials credentials) {
        RemotingCommand signed = credentials == null ? request : RequestSignature.sign(request, credentials);
        return AccessValidator.check(accounts, CLIENT, signed);
    }

    @Test
    void correctCredentialsWithPermissionPass() {
        assertThat(check(send("TopicOk", "PG"), ROCKETMQ)).isNull();
        assertThat(check(pull("GroupOk", "TopicOk"), ROCKETMQ)).isNull();
        assertThat(check(heartbeat("GroupOk", "TopicOk", "TopicSubOnly"), ROCKETMQ))
                .isNull();
        assertThat(check(
                        RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO)
                                .build(),
                        ROCKETMQ))
                .isNull();
    }

    @Test
    void noAccessKeyAtAll() {
        assertThat(check(
                        RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO)
                                .build(),
                        null))
                .isEqualTo(new AccessDenial(DenialReason.NO_ACCESS_KEY, "No accessKey is configured", null));
        assertThat(check(send("TopicOk", "PG"), null).reason()).isEqualTo(DenialReason.NO_ACCESS_KEY);
    }

    @Test
    void unknownAccessKey() {
        assertThat(check(send("TopicOk", "PG"), new Credentials("nobody99", "12345678")))
                .isEqualTo(new AccessDenial(DenialReason.UNKNOWN_ACCESS_KEY, "No acl config for nobody99", "nobody99"));
    }

    @Test
    void wrongSecretMissingSignatureAndTamperingFailTheSignature() {
        String failed = "Check signature failed for accessKey=RocketMQ";
        assertThat(check(send("TopicOk", "PG"), new Credentials("RocketMQ", "wrong-secret"))
                        .message())
                .isEqualTo(failed);
        RemotingCommand unsigned = send("TopicOk", "PG").toBuilder()
                .extField("AccessKey", "RocketMQ")
                .build();
        assertThat(check(unsigned, null).message()).isEqualTo(failed);
        RemotingCommand signed = RequestSignature.sign(send("TopicOk", "PG"), ROCKETMQ);
        RemotingCommand otherBody = signed.toBuilder()
                .body("Hello RocketMQ!".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThat(AccessValidator.check(accounts, CLIENT, otherBody).reason()).isEqualTo(DenialReason.BAD_SIGNATURE);
        RemotingCommand otherField =
                signed.toBuilder().extField("b", "TopicOk2").build();
        assertThat(AccessValidator.check(accounts, CLIENT, otherField).reason()).isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void anIdenticalReplayPassesAsInRocketMq() {
        RemotingCommand signed = RequestSignature.sign(send("TopicOk", "PG"), ROCKETMQ);
        assertThat(AccessValidator.check(accounts, CLIENT, signed)).isNull();
        assertThat(AccessValidator.check(accounts, CLIENT, signed)).isNull();
    }

    @Test
    void topicWithoutPub() {
        assertThat(check(send("TopicSubOnly", "PG"), ROCKETMQ).message())
                .isEqualTo("No permission for topic:TopicSubOnly");
        assertThat(check(send("TopicDenied", "PG"), ROCKETMQ).message())
                .isEqualTo("No permission for topic:TopicDenied");
        assertThat(check(send("TopicOther", "PG"), ROCKETMQ).message())
                .isEqualTo("No default permission for topic:TopicOther");
    }

    @Test
    void groupWithoutSubIsNamedWithoutItsRetryPrefix() {
        assertThat(check(pull("GroupDenied", "TopicOk"), ROCKETMQ).message())
                .isEqualTo("No permission for group:GroupDenied");
        assertThat(check(pull("GroupPubOnly", "TopicOk"), ROCKETMQ).message())
                .isEqualTo("No permission for group:GroupPubOnly");
        assertThat(check(heartbeat("GroupDenied", "TopicOk"), ROCKETMQ).message())
                .isEqualTo("No permission for group:GroupDenied");
    }

    @Test
    void pullAndHeartbeatNeedSubOnTheTopic() {
        assertThat(check(pull("GroupOk", "TopicPubOnly"), ROCKETMQ).message())
                .isEqualTo("No permission for topic:TopicPubOnly");
        assertThat(check(heartbeat("GroupOk", "TopicOk", "TopicOther"), ROCKETMQ)
                        .message())
                .isEqualTo("No default permission for topic:TopicOther");
    }

    @Test
    void sendingToARetryTopicNeedsSubOnTheGroup() {
        assertThat(check(send("%RETRY%GroupOk", "GroupOk"), ROCKETMQ)).isNull();
        assertThat(check(send("%RETRY%GroupDenied", "GroupDenied"), ROCKETMQ).message())
                .isEqualTo("No permission for group:GroupDenied");
    }

    @Test
    void adminCodesNeedAnAdminAccountIncludingAclManagement() {
        RemotingCommand createTopic = RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC)
                .extField("topic", "TopicOk")
                .build();
        assertThat(check(createTopic, ROCKETMQ))
                .isEqualTo(new AccessDenial(
                        DenialReason.NEED_ADMIN,
                        "Need admin permission for request code=17, but accessKey=RocketMQ is not",
                        "RocketMQ"));
        assertThat(check(createTopic, ADMIN)).isNull();
        for (int code = 50; code <= 54; code++) {
            RemotingCommand acl = RemotingCommand.request(code).build();
            assertThat(check(acl, ROCKETMQ).reason()).as("code %d", code).isEqualTo(DenialReason.NEED_ADMIN);
            assertThat(check(acl, ADMIN)).as("code %d", code).isNull();
        }
    }

    @Test
    void checkAdminRunsTheSameIdentityChecksThenWantsAnAdminWhateverTheCode() {
        RemotingCommand deleteRoutes = RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_NAMESRV)
                .extField("topic", "TopicOk")
                .build();
        assertThat(AccessValidator.checkAdmin(accounts, CLIENT, RequestSignature.sign(deleteRoutes, ADMIN)))
                .isNull();
        assertThat(AccessValidator.checkAdmin(accounts, CLIENT, RequestSignature.sign(deleteRoutes, ROCKETMQ)))
                .isEqualTo(new AccessDenial(
                        DenialReason.NEED_ADMIN,
                        "Need admin permission for request code=216, but accessKey=RocketMQ is not",
                        "RocketMQ"));
        assertThat(AccessValidator.checkAdmin(accounts, CLIENT, deleteRoutes).reason())
                .isEqualTo(DenialReason.NO_ACCESS_KEY);
        assertThat(AccessValidator.checkAdmin(
                                accounts,
                                CLIENT,
                                RequestSignature.sign(deleteRoutes, new Credentials("rocketmq2", "wrong-secret")))
                        .reason())
                .isEqualTo(DenialReason.BAD_SIGNATURE);
        assertThat(AccessValidator.checkAdmin(
                                accounts, CLIENT, RequestSignature.sign(deleteRoutes, new Credentials("nobody1", "x")))
                        .reason())
                .isEqualTo(DenialReason.UNKNOWN_ACCESS_KEY);
        // the white lists let the request through, as they do for the broker's admin codes
        assertThat(AccessValidator.checkAdmin(
                        accounts,
                        "10.0.0.9:1234",
                        deleteRoutes.toBuilder()
                                .extField(RequestSignature.ACCESS_KEY, "trustedip")
                                .build()))
                .isNull();
        accounts = accounts("globalWhiteRemoteAddresses:\n  - 10.0.0.*\n" + FIXTURE);
        assertThat(AccessValidator.checkAdmin(accounts, CLIENT, deleteRoutes)).isNull();
    }

    @Test
    void theAccountWhiteListSkipsSignatureAndPermissions() {
        RemotingCommand wrongSecret =
                RequestSignature.sign(send("TopicDenied", "PG"), new Credentials("trustedip", "not-the-secret"));
        assertThat(AccessValidator.check(accounts, "10.0.0.9:1234", wrongSecret))
                .isNull();
        assertThat(AccessValidator.check(accounts, "10.0.0.8:1234", wrongSecret).reason())
                .isEqualTo(DenialReason.BAD_SIGNATURE);
    }

    @Test
    void theGlobalWhiteListSkipsEverythingEvenWithoutKey() {
        accounts = accounts("globalWhiteRemoteAddresses:\n  - 10.0.0.*\n" + FIXTURE);
        assertThat(check(send("TopicDenied", "PG"), null)).isNull();
        assertThat(AccessValidator.check(accounts, "10.0.1.9:1", send("TopicOk", "PG"))
                        .reason())
                .isEqualTo(DenialReason.NO_ACCESS_KEY);
    }

    @Test
    void traceMessagesPassWithAValidSignature() {
        assertThat(check(send(AccessValidator.TRACE_TOPIC, "PG"), ROCKETMQ)).isNull();
    }

    @Test
    void anUnreadableHeartbeatIsRefused() {
        RemotingCommand garbage = RemotingCommand.request(RequestCode.HEART_BEAT)
                .body("{not json".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThat(check(garbage, ROCKETMQ).reason()).isEqualTo(DenialReason.UNREADABLE_REQUEST);
    }

    @Test
    void requiredAccessFollowsTheCodeTable() {
        assertThat(RequiredAccess.of(heartbeat("G", "T1", "%RETRY%G")))
                .isEqualTo(Map.of("%RETRY%G", (byte) 8, "T1", (byte) 8));
        assertThat(RequiredAccess.of(RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET)
                        .extField("consumerGroup", "G")
                        .extField("topic", "T")
                        .build()))
                .isEqualTo(Map.of("%RETRY%G", (byte) 8, "T", (byte) 8));
        assertThat(RequiredAccess.of(RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK)
                        .extField("group", "G")
                        .build()))
                .isEqualTo(Map.of("%RETRY%G", (byte) 8));
        assertThat(RequiredAccess.of(RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET)
                        .extField("consumerGroup", "G")
                        .build()))
                .isEmpty();
    }
}
