package io.couriermq.clientcompat.spring;

import static io.couriermq.clientcompat.spring.ScenarioListeners.BROADCAST_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.CONCURRENT_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.DELAY_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.JSON_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.ORDERLY_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.REQUEST_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.SEND_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.SQL_TOPIC;
import static io.couriermq.clientcompat.spring.ScenarioListeners.TX_PRODUCER_GROUP;
import static io.couriermq.clientcompat.spring.ScenarioListeners.TX_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.producer.LocalTransactionState;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.client.producer.TransactionSendResult;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.clientcompat.spring.Deliveries.Delivery;
import io.couriermq.clientcompat.spring.ScenarioListeners.Order;
import io.couriermq.harness.process.WorkDir;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQLocalTransactionState;
import io.couriermq.spring.core.MQSendCallback;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The Spring Boot starter end to end: one application context ({@link App}) with {@code MQTemplate} and
 * {@code @MQMessageListener}/{@code @MQTransactionListener} beans, pointed at a cluster of two master
 * brokers, and a second context for the broadcasting scenario. The same scenarios run against CourierMQ
 * and against Apache RocketMQ 5.2.0 (one {@code *IT} subclass each), so a run against the official
 * servers shows the starter works with RocketMQ brokers, not only with ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringStarterScenarios {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int BROKERS = 2;
    static final int QUEUES_PER_BROKER = 4;
    static final long TIMEOUT_MS = 15_000;
    static final Map<String, String> BROKER_SETTINGS = Map.of(
            "transactionCheckInterval", "1000",
            "transactionTimeOut", "1000",
            // the official broker writes END_TRANSACTION's op records in batches (3 s by default); a
            // check-back before that re-checks a message already settled
            "transactionOpBatchInterval", "100",
            // SQL92 selectors: off by default on the official broker
            "enablePropertyFilter", "true");

    /** The application: auto-configuration and the listener beans, nothing scanned. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({
        ScenarioListeners.SendKinds.class,
        ScenarioListeners.JsonOrders.class,
        ScenarioListeners.JsonText.class,
        ScenarioListeners.Delayed.class,
        ScenarioListeners.Concurrent.class,
        ScenarioListeners.Orderly.class,
        ScenarioListeners.Broadcast.class,
        ScenarioListeners.SqlFiltered.class,
        ScenarioListeners.Replier.class,
        ScenarioListeners.TxReceiver.class,
        ScenarioListeners.LocalTransactions.class
    })
    static class App {}

    /** A second instance of the broadcasting group, as another process of the same service would be. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ScenarioListeners.Broadcast.class)
    static class BroadcastTwin {}

    private ClusterUnderTest cluster;
    private ConfigurableApplicationContext app;
    private ConfigurableApplicationContext twin;
    private MQTemplate template;

    protected abstract ClusterUnderTest.Kind kind();

    @BeforeAll
    void startClusterAndApplications() throws IOException {
        cluster = ClusterUnderTest.start(kind(), BROKERS, getClass().getSimpleName(), BROKER_SETTINGS);
        ScenarioListeners.TOPICS.forEach(topic -> cluster.createTopic(topic, QUEUES_PER_BROKER));
        app = start(App.class);
        twin = start(BroadcastTwin.class);
        template = app.getBean(MQTemplate.class);
        awaitAllQueuesAssigned(app);
        awaitAllQueuesAssigned(twin);
    }

    @AfterAll
    void stopApplicationsAndCluster() {
        try {
            if (twin != null) {
                twin.close();
            }
            if (app != null) {
                app.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void everySendKindOfTheTemplateIsDelivered() {
        List<String> sync = new ArrayList<>();
        List<String> atLeastOnce = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SendResult result = template.syncSend(SEND_TOPIC + ":tagA", "sync-" + i);
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            sync.add("sync-" + i);
        }
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(template.asyncSend(SEND_TOPIC, "async-" + i));
            atLeastOnce.add("async-" + i);
        }
        futures.forEach(future -> assertThat(future.join().status()).isEqualTo(SendStatus.SEND_OK));
        List<Object> callbackOutcomes = new CopyOnWriteArrayList<>();
        template.asyncSend(SEND_TOPIC, "callback", new MQSendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                callbackOutcomes.add(result.status());
            }

            @Override
            public void onException(Throwable failure) {
                callbackOutcomes.add(failure);
            }
        });
        atLeastOnce.add("callback");
        for (int i = 0; i < 5; i++) {
            template.sendOneWay(SEND_TOPIC, "oneway-" + i);
            atLeastOnce.add("oneway-" + i);
        }
        List<Message<String>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(MessageBuilder.withPayload("batch-" + i)
                    .setHeader(MQHeaders.KEYS, "batch-key-" + i)
                    .setHeader("origin", "batch")
                    .build());
            sync.add("batch-" + i);
        }
        assertThat(template.syncSend(SEND_TOPIC, batch)).isNotEmpty().allSatisfy(result -> assertThat(result.status())
                .isEqualTo(SendStatus.SEND_OK));
        for (int i = 0; i < 5; i++) {
            template.syncSendOrderly(SEND_TOPIC, "orderly-" + i, "one-key");
            sync.add("orderly-" + i);
        }
        template.convertAndSend(SEND_TOPIC, "converted");
        sync.add("converted");

        Deliveries received = app.getBean(ScenarioListeners.SendKinds.class).received;
        await().atMost(WAIT).untilAsserted(() -> assertThat(received.distinctBodies())
                .as(cluster.description())
                .containsAll(sync)
                .containsAll(atLeastOnce));
        assertThat(received.distinctBodies()).hasSize(sync.size() + atLeastOnce.size());
        sync.forEach(body ->
                assertThat(received.count(body)).as("deliveries of %s", body).isOne());
        await().atMost(WAIT).until(() -> !callbackOutcomes.isEmpty());
        assertThat(callbackOutcomes).containsExactly(SendStatus.SEND_OK);

        Delivery tagged = received.first("sync-0").orElseThrow();
        assertThat(tagged.header(MQHeaders.TAGS)).isEqualTo("tagA");
        assertThat(tagged.header(MQHeaders.TOPIC)).isEqualTo(SEND_TOPIC);
        Delivery batched = received.first("batch-3").orElseThrow();
        assertThat(batched.header(MQHeaders.KEYS)).isEqualTo("batch-key-3");
        assertThat(batched.header("origin")).isEqualTo("batch");
        Set<String> orderlyQueues = new HashSet<>();
        IntStream.range(0, 5).forEach(i -> {
            Delivery d = received.first("orderly-" + i).orElseThrow();
            orderlyQueues.add(d.header(MQHeaders.BROKER_NAME) + "/" + d.header(MQHeaders.QUEUE_ID));
        });
        assertThat(orderlyQueues).as("one hash key, one queue").hasSize(1);
    }

    @Test
    void aRecordTravelsAsJsonAndComesBackAsTheRecord() {
        Order order = new Order("o-1", 42);

        assertThat(template.syncSend(JSON_TOPIC + ":json", order).status()).isEqualTo(SendStatus.SEND_OK);

        ScenarioListeners.JsonOrders orders = app.getBean(ScenarioListeners.JsonOrders.class);
        Deliveries text = app.getBean(ScenarioListeners.JsonText.class).received;
        await().atMost(WAIT).until(() -> !orders.received.isEmpty() && text.size() > 0);
        assertThat(orders.received).containsExactly(order);
        Delivery raw = text.all().get(0);
        assertThat(raw.body()).contains("\"id\":\"o-1\"").contains("\"amount\":42");
        assertThat(raw.header(MQHeaders.TAGS)).isEqualTo("json");
    }

    @Test
    void delayedMessagesArriveAfterTheirDelay() {
        long levelSentAt = System.currentTimeMillis();
        template.syncSend(DELAY_TOPIC, MessageBuilder.withPayload("level-1").build(), TIMEOUT_MS, 1);
        long timerSentAt = System.currentTimeMillis();
        template.syncSendDelayTimeSeconds(DELAY_TOPIC, "timer-3s", 3);
        template.syncSend(DELAY_TOPIC, "immediate");

        Deliveries received = app.getBean(ScenarioListeners.Delayed.class).received;
        await().atMost(WAIT)
                .until(() -> received.distinctBodies().containsAll(List.of("level-1", "timer-3s", "immediate")));
        long levelArrival = received.first("level-1").orElseThrow().arrivedAtMs();
        long timerArrival = received.first("timer-3s").orElseThrow().arrivedAtMs();
        long immediateArrival = received.first("immediate").orElseThrow().arrivedAtMs();
        assertThat(levelArrival - levelSentAt)
                .as("delay level 1 is 1 s on %s", cluster.description())
                .isBetween(900L, 15_000L);
        // the timer wheel delivers at its precision (1 s), so up to a second early
        assertThat(timerArrival - timerSentAt)
                .as("a 3 s timer on %s", cluster.description())
                .isBetween(1_900L, 15_000L);
        assertThat(immediateArrival).isLessThan(levelArrival).isLessThan(timerArrival);
        assertThat(received.first("timer-3s").orElseThrow().header(MQHeaders.TOPIC))
                .as("the broker restores the real topic")
                .isEqualTo(DELAY_TOPIC);
        assertThat(received.size()).isEqualTo(3);
    }

    @Test
    void aConcurrentListenerRunsCallsInParallelAndGetsEachMessageOnce() {
        List<String> bodies = IntStream.range(0, 40).mapToObj(i -> "c-" + i).toList();
        bodies.forEach(body -> template.syncSend(CONCURRENT_TOPIC, body));

        ScenarioListeners.Concurrent listener = app.getBean(ScenarioListeners.Concurrent.class);
        await().atMost(WAIT).until(() -> listener.received.distinctBodies().size() == bodies.size());
        assertThat(listener.received.bodies()).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(listener.mostInFlight.get()).as("listener calls at once").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrderlyListenerSeesEachKeyInOrder() {
        List<String> keys = List.of("k0", "k1", "k2");
        for (int step = 0; step < 10; step++) {
            for (String key : keys) {
                template.syncSendOrderly(ORDERLY_TOPIC, key + ":" + step, key);
            }
        }

        Map<String, List<Integer>> steps = app.getBean(ScenarioListeners.Orderly.class).stepsByKey;
        await().atMost(WAIT)
                .until(() -> steps.keySet().containsAll(keys)
                        && keys.stream().allMatch(key -> steps.get(key).size() >= 10));
        List<Integer> inOrder = IntStream.range(0, 10).boxed().toList();
        keys.forEach(key -> assertThat(steps.get(key))
                .as("steps of %s on %s", key, cluster.description())
                .containsExactlyElementsOf(inOrder));
    }

    @Test
    void aBroadcastingGroupDeliversEveryMessageToBothApplications() {
        List<String> bodies = IntStream.range(0, 20).mapToObj(i -> "b-" + i).toList();
        bodies.forEach(body -> template.syncSend(BROADCAST_TOPIC, body));

        Deliveries first = app.getBean(ScenarioListeners.Broadcast.class).received;
        Deliveries second = twin.getBean(ScenarioListeners.Broadcast.class).received;
        await().atMost(WAIT)
                .until(() -> first.distinctBodies().size() == bodies.size()
                        && second.distinctBodies().size() == bodies.size());
        assertThat(first.bodies()).as("first application").containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(second.bodies()).as("second application").containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void anSqlListenerReceivesOnlyMessagesItsExpressionMatches() {
        // as strings "9" > "10" and "100" < "20" would hold: the broker must compare numbers
        List<Integer> amounts = List.of(5, 9, 10, 11, 20, 100, 3, 42);
        for (int amount : amounts) {
            template.syncSend(
                    SQL_TOPIC,
                    MessageBuilder.withPayload("amount=" + amount)
                            .setHeader("amount", amount)
                            .build());
        }

        Deliveries received = app.getBean(ScenarioListeners.SqlFiltered.class).received;
        List<String> matching = List.of("amount=11", "amount=20", "amount=100", "amount=42");
        await().atMost(WAIT).until(() -> received.distinctBodies().containsAll(matching));
        assertThat(received.bodies()).as(cluster.description()).containsExactlyInAnyOrderElementsOf(matching);
        assertThat(received.first("amount=100").orElseThrow().header("amount")).isEqualTo("100");
    }

    @Test
    void sendAndReceiveGetsTheReplyListenersAnswer() {
        for (int i = 0; i < 5; i++) {
            String reply = template.sendAndReceive(REQUEST_TOPIC, "ping-" + i, String.class, TIMEOUT_MS);
            assertThat(reply).as(cluster.description()).isEqualTo("pong:ping-" + i);
        }

        Deliveries requests = app.getBean(ScenarioListeners.Replier.class).received;
        assertThat(requests.bodies()).containsExactly("ping-0", "ping-1", "ping-2", "ping-3", "ping-4");
    }

    @Test
    void aTransactionIsDeliveredOnCommitOnlyAndTheCheckBackSettlesAnUnknownOne() {
        TransactionSendResult rolledBack = template.sendMessageInTransaction(
                TX_PRODUCER_GROUP,
                TX_TOPIC,
                MessageBuilder.withPayload("rolled-back").build(),
                MQLocalTransactionState.ROLLBACK);
        TransactionSendResult committed = template.sendMessageInTransaction(
                TX_PRODUCER_GROUP,
                TX_TOPIC,
                MessageBuilder.withPayload("committed").build(),
                MQLocalTransactionState.COMMIT);
        TransactionSendResult unknown = template.sendMessageInTransaction(
                TX_PRODUCER_GROUP,
                TX_TOPIC,
                MessageBuilder.withPayload("unknown").build(),
                MQLocalTransactionState.UNKNOWN);
        assertThat(rolledBack.localState()).isEqualTo(LocalTransactionState.ROLLBACK);
        assertThat(committed.localState()).isEqualTo(LocalTransactionState.COMMIT);
        assertThat(unknown.localState()).isEqualTo(LocalTransactionState.UNKNOWN);

        ScenarioListeners.LocalTransactions local = app.getBean(ScenarioListeners.LocalTransactions.class);
        assertThat(local.executed)
                .as("the local transaction sees the payload the application sent")
                .containsExactly("rolled-back", "committed", "unknown");
        Deliveries received = app.getBean(ScenarioListeners.TxReceiver.class).received;
        await().atMost(WAIT).until(() -> received.distinctBodies().containsAll(List.of("committed", "unknown")));
        assertThat(local.checked)
                .as("only a check-back settles an unknown outcome")
                .contains("unknown");
        // a rolled-back message or a second delivery would show within a couple of check intervals
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> received.size() == 2 && received.distinctBodies().equals(Set.of("committed", "unknown")));
    }

    // ---- helpers

    private ConfigurableApplicationContext start(Class<?> application) throws IOException {
        Path offsets = WorkDir.temporary("spring-starter-offsets");
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.main.banner-mode=off",
                        "courier.name-server=" + cluster.nameServerAddress(),
                        "courier.client.client-ip=127.0.0.1",
                        "courier.producer.send-timeout=10s",
                        "courier.consumer.rebalance-interval=2s",
                        "courier.consumer.persist-offset-interval=1s",
                        "courier.consumer.shutdown-timeout=5s",
                        "courier.consumer.offset-store-dir=" + offsets)
                .run();
    }

    /** Every listener container of {@code context} holds all queues of its topics (each group has one member). */
    private static void awaitAllQueuesAssigned(ConfigurableApplicationContext context) {
        MQListenerEndpointRegistry registry = context.getBean(MQListenerEndpointRegistry.class);
        for (MQListenerContainer container : registry.getListenerContainers()) {
            await("queues of container " + container.id())
                    .atMost(WAIT)
                    .until(() -> container.lag().keySet().stream()
                                    .filter(queue -> container.topics().contains(queue.topic()))
                                    .count()
                            == (long) BROKERS
                                    * QUEUES_PER_BROKER
                                    * container.topics().size());
        }
    }
}
