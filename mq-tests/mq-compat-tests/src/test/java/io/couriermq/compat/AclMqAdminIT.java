package io.couriermq.compat;

import static io.couriermq.compat.harness.AclFixture.ADMIN;
import static io.couriermq.compat.harness.AclFixture.SECRET;
import static io.couriermq.compat.harness.AclFixture.USER;
import static io.couriermq.compat.harness.AclFixture.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.AclFixture;
import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.BrokerAnswer;
import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.compat.harness.MqAdmin;
import io.couriermq.compat.harness.RawRemoting;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real mqadmin 5.2.0 against the broker chosen by {@code -Dcompat.broker} with ACL on: with the
 * admin account's {@code tools.yml} it creates topics and manages ACL accounts (updateAclConfig,
 * deleteAclConfig; clusterAclConfigVersion on ours) with the effect checked by a client of that account;
 * with a non-admin account's it is refused. Fixture: {@link AclFixture}. Checked against Apache RocketMQ 5.2.0
 * with {@code -Dcompat.broker=official -Dcompat.namesrv=official}.
 */
class AclMqAdminIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static final AclFixture acl = AclFixture.create("AclMqAdminIT");

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults()
            .withProperties(Map.of("aclEnable", "true"))
            .withHomeDir(acl.home()));

    private static MqAdmin asAdmin;
    private static MqAdmin asUser;
    private static Admin admin;

    @BeforeAll
    static void tools() {
        // The admin's tools.yml where mqadmin looks for it (in the broker's ROCKETMQ_HOME: it skips that file).
        asAdmin =
                MqAdmin.withToolsYml(cluster.nameServerAddress(), AclFixture.writeToolsYml(acl.home(), ADMIN, SECRET));
        asUser = MqAdmin.withToolsYml(
                cluster.nameServerAddress(),
                AclFixture.writeToolsYml(WorkDir.fresh("AclMqAdminIT-user-home"), USER, SECRET));
        admin = Admin.connect(cluster.nameServerAddress(), hook(ADMIN, SECRET));
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    private static String broker() {
        return cluster.broker().address();
    }

    private static boolean onBroker(String topic) throws Exception {
        return admin.raw()
                .getAllTopicConfig(broker(), 5_000)
                .getTopicConfigTable()
                .containsKey(topic);
    }

    private static SendStatus send(DefaultMQProducer producer, String topic) throws Exception {
        return producer.send(new Message(topic, "hello acl".getBytes(StandardCharsets.UTF_8)))
                .getSendStatus();
    }

    @Test
    void updateTopicWorksAsAdminAndIsRefusedForAnOrdinaryAccount() throws Exception {
        String topic = Clients.unique("MqAdminTopic");
        assertThat(asAdmin.run("updateTopic", "-b", broker(), "-t", topic, "-r", "2", "-w", "2")
                        .ok())
                .contains("success");
        assertThat(onBroker(topic)).isTrue();

        String refused = Clients.unique("MqAdminUserTopic");
        MqAdmin.Output output = asUser.run("updateTopic", "-b", broker(), "-t", refused, "-r", "2", "-w", "2");
        assertThat(output.err())
                .contains("CODE: 1")
                .contains(AclFixture.ACL_EXCEPTION + "Need admin permission for request code=17, but accessKey=" + USER
                        + " is not");
        assertThat(onBroker(refused)).isFalse();
    }

    @Test
    void aclAccountsAreCreatedAndDeletedByTheAdmin() throws Exception {
        String topic = Clients.unique("MqAdminAclTopic");
        admin.createTopic(cluster.broker(), topic, 2, SETTLE);
        String accessKey = "mqadminUser" + Clients.unique("").substring(1);
        String secretKey = "mqadminSecret1";

        assertThat(asAdmin.run(
                                "updateAclConfig",
                                "-b",
                                broker(),
                                "-a",
                                accessKey,
                                "-s",
                                secretKey,
                                "-t",
                                topic + "=PUB",
                                "-i",
                                "DENY",
                                "-u",
                                "SUB")
                        .ok())
                .contains("success");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer(hook(accessKey, secretKey));
            await("the new account can send")
                    .atMost(SETTLE)
                    .ignoreExceptions()
                    .until(() -> send(producer, topic) == SendStatus.SEND_OK);

            // What clusterAclConfigVersion asks (code 52), answered for the admin: see the test below.
            try (RawRemoting raw = RawRemoting.signedBy(hook(ADMIN, SECRET))) {
                RemotingCommand versions = raw.invoke(broker(), RemotingCommand.createRequestCommand(52, null));
                BrokerAnswer.of(versions).assertSuccess();
                assertThat(versions.getExtFields()).containsKey("version");
            }

            assertThat(asAdmin.run("deleteAclConfig", "-b", broker(), "-a", accessKey)
                            .ok())
                    .contains("success");
            await("the deleted account is refused").atMost(SETTLE).untilAsserted(() -> BrokerAnswer.of(
                            catchThrowable(() -> send(producer, topic)))
                    .assertAclRefusal("No acl config for " + accessKey));
        }
    }

    /**
     * mqadmin 5.2.0's clusterAclConfigVersion fails against Apache RocketMQ 5.2.0's broker (a
     * NullPointerException in {@code MQClientAPIImpl.getBrokerClusterAclInfo}: the broker's answer has no
     * {@code allAclFileVersion}); ours fills it in, so the command works.
     */
    @Test
    void clusterAclConfigVersionListsTheAclFileOnOurBroker() {
        Assumptions.assumeTrue(
                cluster.broker().kind() == ServerKind.COURIER,
                "Apache RocketMQ 5.2.0's broker answers clusterAclConfigVersion without allAclFileVersion,"
                        + " and mqadmin 5.2.0 then fails with a NullPointerException");
        assertThat(asAdmin.run("clusterAclConfigVersion", "-b", broker()).ok())
                .contains("success")
                .contains(broker())
                .contains("plain_acl.yml");
    }

    /**
     * A18: Apache RocketMQ 5.2.0 lets any correctly signed account call the ACL management codes (50-54),
     * so an ordinary account can make itself admin; ours requires an admin account for them.
     */
    @Test
    void aclManagementNeedsAnAdminAccountOnOurBroker() throws Exception {
        Assumptions.assumeTrue(
                cluster.broker().kind() == ServerKind.COURIER,
                "deliberate difference: Apache RocketMQ 5.2.0 lets any account change the ACL (codes 50-54)");
        String accessKey = "escalated" + Clients.unique("").substring(1);
        String topic = Clients.unique("EscalationTopic");
        admin.createTopic(cluster.broker(), topic, 2, SETTLE);
        MqAdmin.Output output =
                asUser.run("updateAclConfig", "-b", broker(), "-a", accessKey, "-s", "escalated1", "-m", "true");
        assertThat(output.err())
                .contains("CODE: 1")
                .contains(AclFixture.ACL_EXCEPTION + "Need admin permission for request code=50, but accessKey=" + USER
                        + " is not");
        try (Clients clients = new Clients(cluster)) {
            Throwable thrown = catchThrowable(() -> send(clients.producer(hook(accessKey, "escalated1")), topic));
            BrokerAnswer.of(thrown).assertAclRefusal("No acl config for " + accessKey);
        }
    }
}
