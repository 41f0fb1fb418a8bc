package io.couriermq.compat;

import static io.couriermq.compat.harness.AclFixture.ADMIN;
import static io.couriermq.compat.harness.AclFixture.GROUP_DENIED;
import static io.couriermq.compat.harness.AclFixture.GROUP_PUB_ONLY;
import static io.couriermq.compat.harness.AclFixture.SECRET;
import static io.couriermq.compat.harness.AclFixture.TOPIC_DENIED;
import static io.couriermq.compat.harness.AclFixture.TOPIC_OK;
import static io.couriermq.compat.harness.AclFixture.TOPIC_OTHER;
import static io.couriermq.compat.harness.AclFixture.TOPIC_PUB_ONLY;
import static io.couriermq.compat.harness.AclFixture.TOPIC_SUB_ONLY;
import static io.couriermq.compat.harness.AclFixture.TRUSTED;
import static io.couriermq.compat.harness.AclFixture.USER;
import static io.couriermq.compat.harness.AclFixture.WRONG_SECRET;
import static io.couriermq.compat.harness.AclFixture.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.AclFixture;
import io.couriermq.compat.harness.AclFixture.Variant;
import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.BrokerAnswer;
import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.compat.harness.RawRemoting;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ACL 1.0 with the official 5.2.0 client against the broker chosen by {@code -Dcompat.broker} with
 * {@code aclEnable=true} and the {@link AclFixture} accounts (cases A1-A16 and A19 of the research note's
 * test plan). Every refusal is checked for RocketMQ's code and remark and, for sends, that nothing was
 * stored. With {@code -Dcompat.broker=official -Dcompat.namesrv=official} the same expectations run
 * against Apache RocketMQ 5.2.0, which is how they were checked. mqadmin: {@link AclMqAdminIT}.
 */
class AclCompatIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static final AclFixture acl = AclFixture.create("AclCompatIT");

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults()
            .withProperties(Map.of("aclEnable", "true"))
            .withHomeDir(acl.home()));

    private static Admin admin;
    // Shared: a remoting client takes seconds to shut down.
    private static RawRemoting unsigned;
    private static RawRemoting asUser;
    private static RawRemoting asUserWithWrongSecret;

    @BeforeAll
    static void topics() throws Exception {
        unsigned = RawRemoting.unsigned();
        asUser = RawRemoting.signedBy(hook(USER, SECRET));
        asUserWithWrongSecret = RawRemoting.signedBy(hook(USER, WRONG_SECRET));
        admin = Admin.connect(cluster.nameServerAddress(), hook(ADMIN, SECRET));
        for (String topic : new String[] {TOPIC_OK, TOPIC_SUB_ONLY, TOPIC_PUB_ONLY, TOPIC_DENIED, TOPIC_OTHER}) {
            admin.createTopic(cluster.broker(), topic, 2, SETTLE);
        }
    }

    @AfterAll
    static void closeClients() {
        for (AutoCloseable client : new AutoCloseable[] {admin, unsigned, asUser, asUserWithWrongSecret}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // Best effort: the next one must still be closed.
                }
            }
        }
    }

    private static String broker() {
        return cluster.broker().address();
    }

    /** What the broker stores for {@code topic}: the sum of its queues' max offsets, asked as the admin. */
    private static long stored(String topic) throws Exception {
        return admin.raw().examineTopicStats(topic).getOffsetTable().values().stream()
                .mapToLong(TopicOffset::getMaxOffset)
                .sum();
    }

    private static Message message(String topic) {
        return new Message(topic, "TagA", Clients.unique("acl").getBytes(StandardCharsets.UTF_8));
    }

    /** A send of a new message to {@code topic} is refused with {@code reason}, and nothing is stored. */
    private static void assertSendRefused(DefaultMQProducer producer, String topic, String reason) throws Exception {
        long before = stored(topic);
        Throwable thrown = catchThrowable(() -> producer.send(message(topic)));
        assertThat(thrown).as("send to %s", topic).isNotNull();
        BrokerAnswer.of(thrown).assertAclRefusal(reason);
        assertThat(stored(topic)).as("messages stored in %s", topic).isEqualTo(before);
    }

    private static SendStatus send(DefaultMQProducer producer, String topic) throws Exception {
        return producer.send(message(topic)).getSendStatus();
    }

    @Test
    void a01CorrectCredentialsSendAndConsumeEndToEnd() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            Message sent = message(TOPIC_OK);
            assertThat(clients.producer(hook(USER, SECRET)).send(sent).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);

            Set<String> received = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("GroupOk"), hook(USER, SECRET));
            consumer.subscribe(TOPIC_OK, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            String body = new String(sent.getBody(), StandardCharsets.UTF_8);
            await("message consumed with credentials").atMost(SETTLE).until(() -> received.contains(body));
        }
    }

    @Test
    void a02WrongSecretIsRefused() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            assertSendRefused(
                    clients.producer(hook(USER, WRONG_SECRET)),
                    TOPIC_OK,
                    "Check signature failed for accessKey=" + USER);
        }
    }

    @Test
    void a03UnknownAccessKeyIsRefused() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            assertSendRefused(clients.producer(hook("nobody99", SECRET)), TOPIC_OK, "No acl config for nobody99");
        }
    }

    @Test
    void a04MissingOrTamperedSignatureIsRefused() throws Exception {
        String reason = "Check signature failed for accessKey=" + USER;
        try (Clients clients = new Clients(cluster)) {
            assertSendRefused(clients.producer(AclFixture.accessKeyOnly(USER)), TOPIC_OK, reason);
        }
        RemotingCommand withoutSignature = signed(RawRemoting.pull(Clients.unique("GroupOk"), TOPIC_OK));
        withoutSignature.getExtFields().remove("Signature");
        BrokerAnswer.of(unsigned.invoke(broker(), withoutSignature)).assertAclRefusal(reason);

        RemotingCommand tampered = signed(RawRemoting.pull(Clients.unique("GroupOk"), TOPIC_OK));
        tampered.addExtField("addedAfterSigning", "x");
        BrokerAnswer.of(unsigned.invoke(broker(), tampered)).assertAclRefusal(reason);
    }

    private static RemotingCommand signed(RemotingCommand request) {
        hook(USER, SECRET).doBeforeRequest(broker(), request);
        return request;
    }

    @Test
    void a05NoCredentialsAreRefused() throws Exception {
        BrokerAnswer.of(unsigned.invoke(broker(), RawRemoting.brokerRuntimeInfo()))
                .assertAclRefusal("No accessKey is configured");
        Throwable thrown = catchThrowable(() -> cluster.admin().raw().fetchBrokerRuntimeStats(broker()));
        BrokerAnswer.of(thrown).assertAclRefusal("No accessKey is configured");
    }

    @Test
    void a07TopicWithoutPubIsRefused() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer(hook(USER, SECRET));
            assertSendRefused(producer, TOPIC_SUB_ONLY, "No permission for topic:" + TOPIC_SUB_ONLY);
            assertSendRefused(producer, TOPIC_DENIED, "No permission for topic:" + TOPIC_DENIED);
            assertSendRefused(producer, TOPIC_OTHER, "No default permission for topic:" + TOPIC_OTHER);
            assertThat(send(producer, TOPIC_PUB_ONLY)).isEqualTo(SendStatus.SEND_OK);
        }
    }

    @Test
    void a08GroupWithoutSubIsRefusedOnPullAndHeartbeat() throws Exception {
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.pull(GROUP_DENIED, TOPIC_OK)))
                .assertAclRefusal("No permission for group:" + GROUP_DENIED);
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.pull(GROUP_PUB_ONLY, TOPIC_OK)))
                .assertAclRefusal("No permission for group:" + GROUP_PUB_ONLY);
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.heartbeat(GROUP_DENIED, TOPIC_OK)))
                .assertAclRefusal("No permission for group:" + GROUP_DENIED);

        // The same requests with an allowed group pass: the refusals above are about the group.
        String allowed = Clients.unique("GroupOk");
        assertThat(asUser.invoke(broker(), RawRemoting.pull(allowed, TOPIC_OK)).getCode())
                .isNotEqualTo(ResponseCode.SYSTEM_ERROR);
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.heartbeat(allowed, TOPIC_OK)))
                .assertSuccess();
    }

    @Test
    void a09TopicWithoutSubIsRefusedOnPullAndHeartbeat() throws Exception {
        String allowed = Clients.unique("GroupOk");
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.pull(allowed, TOPIC_PUB_ONLY)))
                .assertAclRefusal("No permission for topic:" + TOPIC_PUB_ONLY);
        BrokerAnswer.of(asUser.invoke(broker(), RawRemoting.heartbeat(allowed, TOPIC_OTHER)))
                .assertAclRefusal("No default permission for topic:" + TOPIC_OTHER);
    }

    @Test
    void a11AdminCodesNeedAnAdminAccount() throws Exception {
        admin.raw().createAndUpdateTopicConfig(broker(), new TopicConfig("TopicByAdmin", 2, 2));
        assertThat(topicsOnBroker()).contains("TopicByAdmin");

        try (Admin user = Admin.connect(cluster.nameServerAddress(), hook(USER, SECRET))) {
            Throwable created = catchThrowable(
                    () -> user.raw().createAndUpdateTopicConfig(broker(), new TopicConfig("TopicByUser", 2, 2)));
            BrokerAnswer.of(created)
                    .assertAclRefusal("Need admin permission for request code=17, but accessKey=" + USER + " is not");
            assertThat(topicsOnBroker()).doesNotContain("TopicByUser");

            Throwable deleted = catchThrowable(() -> user.raw().deleteTopicInBroker(Set.of(broker()), "TopicByAdmin"));
            BrokerAnswer.of(deleted)
                    .assertAclRefusal("Need admin permission for request code=215, but accessKey=" + USER + " is not");
            assertThat(topicsOnBroker()).contains("TopicByAdmin");
        }
    }

    private static Set<String> topicsOnBroker() throws Exception {
        return admin.raw()
                .getAllTopicConfig(broker(), 5_000)
                .getTopicConfigTable()
                .keySet();
    }

    @Test
    void a12AccountWhiteAddressSkipsSignatureAndPermissions() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            long before = stored(TOPIC_DENIED);
            assertThat(send(clients.producer(hook(TRUSTED, WRONG_SECRET)), TOPIC_DENIED))
                    .isEqualTo(SendStatus.SEND_OK);
            assertThat(stored(TOPIC_DENIED)).isEqualTo(before + 1);
        }
    }

    @Test
    void a13GlobalWhiteListLetsUnsignedRequestsThrough() throws Exception {
        acl.writeAccounts(Variant.LOCALHOST_GLOBALLY_WHITE);
        try (Clients clients = new Clients(cluster)) {
            try {
                await("global white list reloaded")
                        .atMost(SETTLE)
                        .ignoreExceptions()
                        .until(() -> unsigned.invoke(broker(), RawRemoting.brokerRuntimeInfo())
                                        .getCode()
                                == ResponseCode.SUCCESS);
                assertThat(send(clients.producer(), TOPIC_DENIED)).isEqualTo(SendStatus.SEND_OK);
            } finally {
                acl.writeAccounts(Variant.STANDARD);
                await("global white list removed again")
                        .atMost(SETTLE)
                        .ignoreExceptions()
                        .until(() -> unsigned.invoke(broker(), RawRemoting.brokerRuntimeInfo())
                                        .getCode()
                                == ResponseCode.SYSTEM_ERROR);
            }
        }
    }

    @Test
    void a14NameServerIgnoresAcl() throws Exception {
        BrokerAnswer.of(asUserWithWrongSecret.invoke(cluster.nameServerAddress(), RawRemoting.routeOf(TOPIC_OK)))
                .assertSuccess();
        BrokerAnswer.of(unsigned.invoke(cluster.nameServerAddress(), RawRemoting.routeOf(TOPIC_OK)))
                .assertSuccess();
    }

    /**
     * Oneway sends with a wrong signature get no answer and store nothing. They share one connection with
     * the correctly signed sync sends that follow, so by the time those are answered the broker has read
     * them; the stored count must then have grown by the sync sends alone.
     */
    @Test
    void a16OnewayWithBadSignatureStoresNothing() throws Exception {
        SwitchableHook signer = new SwitchableHook(hook(USER, SECRET));
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer(signer);
            MessageQueue queue =
                    new MessageQueue(TOPIC_PUB_ONLY, cluster.broker().brokerName(), 0);
            assertThat(producer.send(message(TOPIC_PUB_ONLY), queue).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
            long before = stored(TOPIC_PUB_ONLY);

            signer.current = hook(USER, WRONG_SECRET);
            for (int i = 0; i < 5; i++) {
                producer.sendOneway(message(TOPIC_PUB_ONLY), queue);
            }
            signer.current = hook(USER, SECRET);
            for (int i = 0; i < 2; i++) {
                assertThat(producer.send(message(TOPIC_PUB_ONLY), queue).getSendStatus())
                        .isEqualTo(SendStatus.SEND_OK);
            }
            assertThat(stored(TOPIC_PUB_ONLY)).isEqualTo(before + 2);
        }
    }

    /** Signs with whichever hook is current: one client, one connection, good and bad signatures. */
    private static final class SwitchableHook implements RPCHook {
        volatile RPCHook current;

        SwitchableHook(RPCHook initial) {
            this.current = initial;
        }

        @Override
        public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            current.doBeforeRequest(remoteAddr, request);
        }

        @Override
        public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            current.doAfterResponse(remoteAddr, request, response);
        }
    }

    @Test
    void a19EditedAccountsApplyWithoutRestart() throws Exception {
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer(hook(USER, SECRET));
            acl.writeAccounts(Variant.SUB_ONLY_TOPIC_PUBLISHABLE);
            try {
                await("TopicSubOnly=PUB reloaded")
                        .atMost(SETTLE)
                        .ignoreExceptions()
                        .until(() -> send(producer, TOPIC_SUB_ONLY) == SendStatus.SEND_OK);
            } finally {
                acl.writeAccounts(Variant.STANDARD);
            }
            await("TopicSubOnly=SUB reloaded")
                    .atMost(SETTLE)
                    .untilAsserted(() ->
                            assertSendRefused(producer, TOPIC_SUB_ONLY, "No permission for topic:" + TOPIC_SUB_ONLY));
        }
    }
}
