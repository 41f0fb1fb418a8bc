package io.couriermq.clientcompat.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.AdminException;
import io.couriermq.admin.topic.TopicSpec;
import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.PullConsumer;
import io.couriermq.client.consumer.PullConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.client.producer.TransactionListener;
import io.couriermq.client.producer.TransactionProducer;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.harness.process.WorkDir;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.security.Credentials;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.tools.Console;
import io.couriermq.tools.bench.transport.ToolTransports;
import io.couriermq.tools.cli.MqToolsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Issue 13: our client, producers, consumers and admin client with RocketMQ ACL 1.0 credentials against a
 * broker with {@code aclEnable=true} and the accounts of {@link #PLAIN_ACL} (research acl-tls.md §4).
 * Run against Apache RocketMQ 5.2.0 these are the real answers (code 1 and the AclException's remark).
 * The Spring starter's keys are checked the same way, end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientAclScenarios {
    static final Duration WAIT = Duration.ofSeconds(60);

    static final Credentials USER = new Credentials("RocketMQ", "12345678");
    static final Credentials ADMIN = new Credentials("rocketmq2", "12345678");
    static final Credentials WRONG_SECRET = new Credentials("RocketMQ", "not-the-secret");

    /** Topics: only those listed; groups: SUB by default, DENY or PUB-only where listed. */
    static final String PLAIN_ACL = """
            globalWhiteRemoteAddresses: []
            accounts:
              - accessKey: RocketMQ
                secretKey: 12345678
                whiteRemoteAddress:
                admin: false
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - TopicOk=PUB|SUB
                  - TopicTx=PUB|SUB
                  - TopicSubOnly=SUB
                groupPerms:
                  - GroupDenied=DENY
              - accessKey: rocketmq2
                secretKey: 12345678
                whiteRemoteAddress:
                admin: true
              - accessKey: listener1
                secretKey: listener-secret
                whiteRemoteAddress:
                admin: false
                defaultTopicPerm: DENY
                defaultGroupPerm: SUB
                topicPerms:
                  - TopicOk=SUB
            """;

    static final Map<String, String> BROKER_SETTINGS = Map.of(
            "transactionCheckInterval", "1000",
            "transactionTimeOut", "1000",
            "transactionOpBatchInterval", "100");

    private ClusterUnderTest cluster;
    private AdminClient admin;
    private Clients clients;

    protected abstract ClusterUnderTest.Kind kind();

    @BeforeAll
    void startCluster() {
        cluster = ClusterUnderTest.startWithAcl(kind(), 1, getClass().getSimpleName(), BROKER_SETTINGS, PLAIN_ACL);
        admin = AdminClient.connect(List.of(cluster.nameServerAddress()), Duration.ofSeconds(5), ADMIN);
        for (String topic : List.of("TopicOk", "TopicTx", "TopicSubOnly")) {
            createTopic(admin, topic);
        }
    }

    @AfterAll
    void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void startClients() throws Exception {
        clients = new Clients(cluster, WorkDir.temporary("acl-offsets"));
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void withCorrectCredentialsAProducerSendsAndAPushConsumerConsumes() {
        Inbox inbox = new Inbox();
        PushConsumer consumer = clients.closeLater(PushConsumer.create(
                clients.runtime(USER), clients.consumer("GroupOk").build(), (message, context) -> {
                    inbox.add(message);
                    return ConsumeResult.SUCCESS;
                }));
        consumer.subscribe("TopicOk", "*").start();
        await().atMost(WAIT).until(() -> !consumer.assignment().isEmpty());
        Producer producer = producer(USER, "acl-producer");

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertThat(producer.send(message("TopicOk", "push-" + i)).status()).isEqualTo(SendStatus.SEND_OK);
            sent.add("push-" + i);
        }
        producer.sendAsync(message("TopicOk", "push-async")).join();
        sent.add("push-async");

        await().atMost(WAIT).until(() -> inbox.distinctBodies().containsAll(sent));
    }

    @Test
    void withCorrectCredentialsAPullConsumerPollsAndCommits() {
        Producer producer = producer(USER, "acl-pull-producer");
        MessageQueue queue = new MessageQueue("TopicOk", "broker-a", 2);
        for (int i = 0; i < 5; i++) {
            producer.send(message("TopicOk", "pull-" + i), (queues, m, arg) -> queue, null);
        }
        PullConsumer consumer = clients.closeLater(PullConsumer.create(
                clients.runtime(USER),
                PullConsumerConfig.builder("GroupPull").autoCommit(false).build()));
        consumer.assign(List.of(queue));
        consumer.seekToBeginning(queue);

        List<String> bodies = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(m -> bodies.add(Inbox.body(m)));
            return bodies.stream().filter(body -> body.startsWith("pull-")).count() >= 5;
        });
        long position = consumer.position(queue);
        consumer.commitSync();

        assertThat(consumer.committed(queue)).hasValue(position);
    }

    @Test
    void aTransactionProducersCheckBackStillSettlesAnUnknownOutcome() {
        Inbox inbox = new Inbox();
        PushConsumer consumer = clients.closeLater(PushConsumer.create(
                clients.runtime(USER), clients.consumer("GroupTx").build(), (message, context) -> {
                    inbox.add(message);
                    return ConsumeResult.SUCCESS;
                }));
        consumer.subscribe("TopicTx", "*").start();
        await().atMost(WAIT).until(() -> !consumer.assignment().isEmpty());
        List<String> checked = new CopyOnWriteArrayList<>();
        TransactionProducer transactions = clients.closeLater(TransactionProducer.start(
                clients.runtime(USER), ProducerConfig.builder("acl-tx-producer").build(), new TransactionListener() {
                    @Override
                    public LocalTransactionState executeLocal(OutgoingMessage message, Object argument) {
                        return LocalTransactionState.UNKNOWN;
                    }

                    @Override
                    public LocalTransactionState check(ReceivedMessage message) {
                        checked.add(Inbox.body(message));
                        return LocalTransactionState.COMMIT;
                    }
                }));

        transactions.sendInTransaction(message("TopicTx", "settled-by-check"), null);

        await().atMost(WAIT).until(() -> inbox.distinctBodies().contains("settled-by-check"));
        assertThat(checked).contains("settled-by-check");
    }

    @Test
    void aWrongSecretIsRefusedWithCodeOneAndTheBrokersRemark() {
        Producer producer = producer(WRONG_SECRET, "acl-wrong-secret");

        assertThatThrownBy(() -> producer.send(message("TopicOk", "never")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Check signature failed for accessKey=RocketMQ")
                .hasMessageNotContaining("not-the-secret")
                .satisfies(e -> assertThat(((ClientException) e).responseCode()).isEqualTo(1));
    }

    @Test
    void aTopicWithoutPubIsRefused() {
        Producer producer = producer(USER, "acl-sub-only");

        assertThatThrownBy(() -> producer.send(message("TopicSubOnly", "never")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("No permission for topic:TopicSubOnly")
                .satisfies(e -> assertThat(((ClientException) e).responseCode()).isEqualTo(1));
    }

    @Test
    void theAdminClientCreatesTopicsWithAdminCredentialsAndIsRefusedWithout() {
        createTopic(admin, "TopicByAdmin");
        assertThat(admin.topics().route("TopicByAdmin")).isPresent();

        try (AdminClient user =
                AdminClient.connect(List.of(cluster.nameServerAddress()), Duration.ofSeconds(5), USER)) {
            assertThatThrownBy(() -> user.topics()
                            .createOnBroker(TopicSpec.of("TopicByUser", 2), cluster.brokerAddress("broker-a")))
                    .isInstanceOf(AdminException.class)
                    .hasMessageContaining("Need admin permission for request code=17, but accessKey=RocketMQ is not")
                    .satisfies(
                            e -> assertThat(((AdminException) e).responseCode()).hasValue(1));
        }
        assertThat(admin.topics().route("TopicByUser")).isEmpty();
    }

    @Test
    void theSpringStarterSignsWithCourierKeysAndAListenerWithItsOwnAccount() throws Exception {
        SpringAclApp.RECEIVED.clear();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SpringAclApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "courier.name-server=" + cluster.nameServerAddress(),
                        "courier.client.client-ip=127.0.0.1",
                        "courier.access-key=" + USER.accessKey(),
                        "courier.secret-key=" + USER.secretKey(),
                        "courier.consumer.rebalance-interval=2s",
                        "courier.consumer.offset-store-dir=" + WorkDir.temporary("acl-spring-offsets"),
                        "acl.listener.access-key=listener1",
                        "acl.listener.secret-key=listener-secret")
                .run()) {
            MQListenerContainer container = app.getBean(MQListenerEndpointRegistry.class)
                    .getListenerContainers()
                    .iterator()
                    .next();
            assertThat(container.runtime().config().credentials().accessKey()).isEqualTo("listener1");
            await().atMost(WAIT).until(() -> !container.lag().isEmpty());

            MQTemplate template = app.getBean(MQTemplate.class);
            assertThat(template.syncSend("TopicOk", "from-spring").status()).isEqualTo(SendStatus.SEND_OK);

            await().atMost(WAIT).until(() -> SpringAclApp.RECEIVED.contains("from-spring"));
        }
    }

    @Test
    void mqToolsSignsAdminCommandsAndBenchWithTheGlobalKeys() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String broker = cluster.brokerAddress("broker-a");
        Map<String, String> env = Map.of("COURIER_SECRET_KEY", "12345678");

        int asUser = tools(
                console,
                env,
                "--access-key",
                "RocketMQ",
                "topic",
                "create",
                "-n",
                cluster.nameServerAddress(),
                "-b",
                broker,
                "-t",
                "TopicByCli");
        int asAdmin = tools(
                console,
                env,
                "--access-key",
                "rocketmq2",
                "topic",
                "create",
                "-n",
                cluster.nameServerAddress(),
                "-b",
                broker,
                "-t",
                "TopicByCli");
        int bench = tools(
                console,
                env,
                "--access-key",
                "RocketMQ",
                "bench",
                "produce-sync",
                "-n",
                cluster.nameServerAddress(),
                "--topic",
                "TopicOk",
                "--threads",
                "2",
                "--messages",
                "50");

        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(asUser).as(output).isEqualTo(1);
        assertThat(output).contains("Need admin permission for request code=17, but accessKey=RocketMQ is not");
        assertThat(asAdmin).as(output).isZero();
        assertThat(bench).as(output).isZero();
        assertThat(output).containsPattern("RESULT mode=produce-sync .*messages=50 errors=0");
        assertThat(output).doesNotContain("12345678");
    }

    private static int tools(Console console, Map<String, String> env, String... args) {
        int exit = MqToolsCommand.commandLine(console, new ToolTransports(), env::get)
                .execute(args);
        console.outWriter().flush();
        console.errWriter().flush();
        return exit;
    }

    /** A Spring application whose listener consumes as {@code listener1}, an account that may only SUB. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SpringAclApp.Listener.class)
    static class SpringAclApp {
        static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

        @MQMessageListener(
                consumerGroup = "GroupSpring",
                topic = "TopicOk",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET,
                accessKey = "${acl.listener.access-key}",
                secretKey = "${acl.listener.secret-key}")
        static class Listener implements MQListener<String> {
            @Override
            public void onMessage(String message) {
                RECEIVED.add(message);
            }
        }
    }

    private void createTopic(AdminClient client, String topic) {
        client.topics().createOnBroker(TopicSpec.of(topic, 4), cluster.brokerAddress("broker-a"));
        await().atMost(WAIT).until(() -> client.topics().route(topic).isPresent());
    }

    private Producer producer(Credentials credentials, String group) {
        ClientRuntime runtime = clients.runtime(credentials);
        return clients.closeLater(
                Producer.start(runtime, ProducerConfig.builder(group).build()));
    }

    private static OutgoingMessage message(String topic, String body) {
        return OutgoingMessage.builder(topic, body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
