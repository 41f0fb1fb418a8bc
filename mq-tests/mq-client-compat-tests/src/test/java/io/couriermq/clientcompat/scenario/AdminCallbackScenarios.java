package io.couriermq.clientcompat.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.clientcompat.admin.OfficialAdmin;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.harness.process.WorkDir;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The official admin (rocketmq-tools 5.2.0's DefaultMQAdminExt, what mqadmin and the dashboard call)
 * against our push consumer, through the cluster's broker: running info (307), reset by time (222 ->
 * 220 to the client), consume status (223 -> 221) and consume directly (309). Each test has its own
 * topic and group, consumed once from the first offset before the test starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminCallbackScenarios {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final int QUEUES = 4;

    private ClusterUnderTest cluster;
    private OfficialAdmin admin;
    private Clients clients;
    private ClientRuntime consumerRuntime;
    private Inbox inbox;
    private String topic;
    private String group;
    private long beforeSendMs;

    protected abstract ClusterUnderTest.Kind kind();

    /** broker.conf keys of the cluster's broker. */
    protected abstract Map<String, String> brokerSettings();

    @BeforeAll
    void startCluster() {
        cluster = ClusterUnderTest.start(kind(), 1, getClass().getSimpleName(), brokerSettings());
        admin = OfficialAdmin.start(cluster.nameServerAddress());
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
    void consumeOnce(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        topic = "Admin-" + name.substring(0, Math.min(20, name.length())) + "-"
                + kind().name().toLowerCase(Locale.ROOT);
        group = "g-" + topic;
        cluster.createTopic(topic, QUEUES);
        clients = new Clients(cluster, WorkDir.temporary("client-offsets"));
        Producer producer = clients.closeLater(Producer.start(
                clients.runtime(), ProducerConfig.builder("admin-producer").build()));
        beforeSendMs = System.currentTimeMillis() - 1_000;
        for (int i = 0; i < 8; i++) {
            producer.send(OutgoingMessage.builder(topic, ("m-" + i).getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        inbox = new Inbox();
        consumerRuntime = clients.runtime();
        PushConsumer consumer = clients.closeLater(
                PushConsumer.create(consumerRuntime, clients.consumer(group).build(), (message, context) -> {
                    inbox.add(message);
                    return ConsumeResult.SUCCESS;
                }));
        consumer.subscribe(topic, "*").start();
        await().atMost(WAIT).until(() -> inbox.size() == 8);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void consumerStatusDecodesOurRunningInfo() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(runningInfo(false).commitOffsets().entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith(topic + "/"))
                        .mapToLong(Map.Entry::getValue)
                        .sum())
                .isEqualTo(8));

        OfficialAdmin.RunningInfo info = runningInfo(true);

        assertThat(info.properties().getProperty("PROP_CONSUME_TYPE")).isEqualTo("CONSUME_PASSIVELY");
        assertThat(info.properties().getProperty("PROP_CONSUMEORDERLY")).isEqualTo("false");
        assertThat(info.properties().getProperty("PROP_NAMESERVER_ADDR")).contains(cluster.nameServerAddress());
        assertThat(info.subscribedTopics()).contains(topic, "%RETRY%" + group);
        assertThat(info.commitOffsets().keySet().stream().filter(queue -> queue.startsWith(topic + "/")))
                .hasSize(QUEUES);
        assertThat(info.consumeOkTps().get(topic)).isPositive();
        assertThat(info.jstack()).contains("courier-consume-" + group);
        assertThat(info.formatted()).contains("#Consumer Subscription#", topic, "#Consumer MQ Detail#");
    }

    @Test
    void resetByTimestampMakesOurConsumerConsumeAgainFromThere() {
        // the classic broker path refuses a group until every queue has an offset committed at the broker
        // (our consumer commits within persistOffsetIntervalMs)
        Map<String, Long> reset = await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> admin.resetOffsetByTimestamp(topic, group, beforeSendMs, true), table -> true);

        assertThat(reset).as(cluster.description()).hasSize(QUEUES);
        assertThat(reset.values()).containsOnly(0L);
        await().atMost(WAIT).until(() -> inbox.size() == 16);
        List<String> everyBodyTwice =
                IntStream.range(0, 16).mapToObj(i -> "m-" + (i % 8)).toList();
        assertThat(inbox.bodies()).containsExactlyInAnyOrderElementsOf(everyBodyTwice);
    }

    @Test
    void consumeStatusListsOurClientWithItsOffsets() {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Map<String, Long>> status = admin.consumeStatus(topic, group, null);
            assertThat(status).containsOnlyKeys(consumerRuntime.clientId());
            Map<String, Long> offsets = status.get(consumerRuntime.clientId());
            assertThat(offsets).hasSize(QUEUES);
            assertThat(offsets.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(8);
        });
    }

    @Test
    void consumeMessageDirectlyReachesOurListener() {
        ReceivedMessage first = inbox.messages().get(0);

        String result = admin.consumeMessageDirectly(group, consumerRuntime.clientId(), topic, first.offsetMessageId());

        assertThat(result).isEqualTo("CR_SUCCESS");
        assertThat(inbox.size()).isEqualTo(9);
        assertThat(Inbox.body(inbox.messages().get(8))).isEqualTo(Inbox.body(first));
    }

    private OfficialAdmin.RunningInfo runningInfo(boolean jstack) {
        return admin.consumerRunningInfo(group, consumerRuntime.clientId(), jstack);
    }
}
