package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.OrderlyResult;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push consumers against a real in-process NameServer and broker. */
class PushConsumerIT {
    private static final String TOPIC = "ItOrders";

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;
    private final List<PushConsumer> consumers = new ArrayList<>();

    @BeforeEach
    void start() {
        cluster = new ConsumerTestCluster(dir.resolve("store"));
        cluster.createTopic(TOPIC);
    }

    @AfterEach
    void stop() {
        consumers.forEach(PushConsumer::close);
        cluster.close();
    }

    private ConsumerConfig.Builder config(String group) {
        return ConsumerConfig.builder(group)
                .rebalanceIntervalMs(500)
                .persistOffsetIntervalMs(500)
                .shutdownAwaitMs(5_000)
                .offsetStoreDir(dir.resolve("offsets"));
    }

    private PushConsumer concurrent(String instance, ConsumerConfig config, List<ReceivedMessage> sink) {
        PushConsumer consumer = PushConsumer.create(cluster.runtime(instance), config, (message, context) -> {
            sink.add(message);
            return ConsumeResult.SUCCESS;
        });
        consumers.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    private static Set<MessageQueue> topicQueues(PushConsumer consumer) {
        return consumer.assignment().stream()
                .filter(q -> q.topic().equals(TOPIC))
                .collect(Collectors.toSet());
    }

    private static List<String> bodies(List<ReceivedMessage> messages, String prefix) {
        return messages.stream()
                .map(message -> new String(message.body(), StandardCharsets.UTF_8))
                .filter(body -> body.startsWith(prefix))
                .toList();
    }

    @Test
    void aConsumerStartedBeforeItsTopicExistsConsumesItSoonAfterItAppears() {
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = PushConsumer.create(
                cluster.runtime("late"),
                ConsumerConfig.builder("late-group")
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .rebalanceIntervalMs(60_000)
                        .offsetStoreDir(dir.resolve("offsets"))
                        .build(),
                (message, context) -> {
                    received.add(message);
                    return ConsumeResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.subscribe("LateTopic", "*").start();
        assertThat(consumer.assignment()).noneMatch(queue -> queue.topic().equals("LateTopic"));

        cluster.createTopic("LateTopic");

        // far sooner than the 60 s periodic round: incomplete rounds are retried with a short back-off
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(bodies(received, "warmup-")).hasSize(4));
    }

    @Test
    void twoClusteringConsumersSplitTheQueuesAndGetEveryMessageExactlyOnce() {
        List<ReceivedMessage> first = new CopyOnWriteArrayList<>();
        List<ReceivedMessage> second = new CopyOnWriteArrayList<>();
        PushConsumer one = concurrent("one", config("cg-split").build(), first);
        PushConsumer two = concurrent("two", config("cg-split").build(), second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topicQueues(one).size() == 2
                        && topicQueues(two).size() == 2
                        && Collections.disjoint(topicQueues(one), topicQueues(two)));

        for (int i = 0; i < 200; i++) {
            cluster.send(TOPIC, i % 4, "m-" + i, null);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> bodies(first, "m-").size() + bodies(second, "m-").size() >= 200);
        List<String> all = new ArrayList<>(bodies(first, "m-"));
        all.addAll(bodies(second, "m-"));
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
        assertThat(bodies(first, "m-")).isNotEmpty();
        assertThat(bodies(second, "m-")).isNotEmpty();
    }

    @Test
    void broadcastingGivesEveryInstanceEveryMessage() {
        List<ReceivedMessage> first = new CopyOnWriteArrayList<>();
        List<ReceivedMessage> second = new CopyOnWriteArrayList<>();
        PushConsumer one =
                concurrent("b-one", config("cg-broadcast").broadcasting().build(), first);
        PushConsumer two =
                concurrent("b-two", config("cg-broadcast").broadcasting().build(), second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topicQueues(one).size() == 4 && topicQueues(two).size() == 4);

        for (int i = 0; i < 40; i++) {
            cluster.send(TOPIC, i % 4, "b-" + i, null);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        bodies(first, "b-").size() == 40 && bodies(second, "b-").size() == 40);
        assertThat(bodies(first, "b-")).doesNotHaveDuplicates();
        assertThat(bodies(second, "b-")).containsExactlyInAnyOrderElementsOf(bodies(first, "b-"));
        one.close();
        assertThat(dir.resolve("offsets")
                        .resolve("127.0.0.1_b-one")
                        .resolve("cg-broadcast")
                        .resolve("offsets.json"))
                .exists();
    }

    @Test
    void tagsAreFilteredExactly() {
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer =
                PushConsumer.create(cluster.runtime("tags"), config("cg-tags").build(), (message, context) -> {
                    received.add(message);
                    return ConsumeResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.subscribe(TOPIC, "TagA || TagC").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(consumer).size() == 4);

        for (int i = 0; i < 12; i++) {
            cluster.send(TOPIC, i % 4, "t-" + i, List.of("TagA", "TagB", "TagC").get(i % 3));
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> bodies(received, "t-").size() == 8);
        assertThat(received.stream()
                        .filter(m -> bodies(List.of(m), "t-").size() == 1)
                        .map(ReceivedMessage::tags))
                .containsOnly("TagA", "TagC");
    }

    @Test
    void aBatchListenerGetsEveryMessageOnceInBatchesOfAtMostTheConfiguredSize() {
        for (int i = 0; i < 100; i++) {
            cluster.send(TOPIC, 0, "batch-" + i, "TagBatch");
        }
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = PushConsumer.createBatch(
                cluster.runtime("batch"),
                config("cg-batch")
                        .consumeBatchMaxSize(10)
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .build(),
                (messages, context) -> {
                    batchSizes.add(messages.size());
                    received.addAll(messages);
                    return ConsumeResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.subscribe(TOPIC, "TagBatch").start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> bodies(received, "batch-").size() >= 100);
        assertThat(bodies(received, "batch-")).hasSize(100).doesNotHaveDuplicates();
        assertThat(batchSizes)
                .allSatisfy(size -> assertThat(size).isBetween(1, 10))
                .contains(10);
    }

    @Test
    void orderlyConsumptionKeepsQueueOrderAcrossSuspends() {
        Map<Integer, List<Long>> offsetsByQueue = new ConcurrentHashMap<>();
        AtomicInteger suspends = new AtomicInteger();
        PushConsumer consumer = PushConsumer.createOrderly(
                cluster.runtime("orderly"),
                config("cg-orderly").suspendCurrentQueueMs(100).build(),
                (message, context) -> {
                    String body = new String(message.body(), StandardCharsets.UTF_8);
                    if (body.equals("o-10") && context.attempt() < 3) {
                        suspends.incrementAndGet();
                        return OrderlyResult.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                    }
                    if (body.startsWith("o-")) {
                        offsetsByQueue
                                .computeIfAbsent(message.queueId(), q -> new CopyOnWriteArrayList<>())
                                .add(message.queueOffset());
                    }
                    return OrderlyResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.subscribe(TOPIC, "*").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(consumer).size() == 4);

        for (int i = 0; i < 80; i++) {
            cluster.send(TOPIC, i % 2, "o-" + i, null);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        offsetsByQueue.values().stream().mapToInt(List::size).sum() == 80);
        assertThat(suspends.get()).isEqualTo(2);
        offsetsByQueue.forEach((queue, offsets) ->
                assertThat(offsets).isSorted().doesNotHaveDuplicates().hasSize(40));
    }

    @Test
    void aRestartedConsumerResumesWhereTheGroupLeftOff() {
        List<ReceivedMessage> before = new CopyOnWriteArrayList<>();
        PushConsumer first = concurrent("resume-1", config("cg-resume").build(), before);
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(first).size() == 4);
        for (int i = 0; i < 20; i++) {
            cluster.send(TOPIC, i % 4, "r1-" + i, null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> bodies(before, "r1-").size() == 20);
        first.close();

        for (int i = 0; i < 20; i++) {
            cluster.send(TOPIC, i % 4, "r2-" + i, null);
        }
        List<ReceivedMessage> after = new CopyOnWriteArrayList<>();
        concurrent("resume-2", config("cg-resume").build(), after);

        await().atMost(Duration.ofSeconds(20)).until(() -> bodies(after, "r2-").size() == 20);
        assertThat(bodies(after, "r1-")).isEmpty();
        assertThat(bodies(after, "r2-")).doesNotHaveDuplicates();
    }

    @Test
    void aMessageTheListenerRejectsIsDeliveredAgain() {
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        PushConsumer consumer =
                PushConsumer.create(cluster.runtime("retry"), config("cg-retry").build(), (message, context) -> {
                    String body = new String(message.body(), StandardCharsets.UTF_8);
                    int delivery = deliveries
                            .computeIfAbsent(body, b -> new AtomicInteger())
                            .incrementAndGet();
                    return body.equals("x-1") && delivery == 1 ? ConsumeResult.RECONSUME_LATER : ConsumeResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.subscribe(TOPIC, "*").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(consumer).size() == 4);

        cluster.send(TOPIC, 1, "x-1", null);
        cluster.send(TOPIC, 2, "x-2", null);

        // via the broker's retry topic when it supports send-back and delays, else re-consumed locally after 5 s
        await().atMost(Duration.ofSeconds(40))
                .until(() ->
                        deliveries.containsKey("x-1") && deliveries.get("x-1").get() >= 2);
        assertThat(deliveries.get("x-2").get()).isEqualTo(1);
    }

    @Test
    void aPausedConsumerKeepsItsQueuesTakesNothingNewWhileLagGrowsAndResumesWhereItStopped() {
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = concurrent("pause", config("cg-pause").build(), received);
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(consumer).size() == 4);

        consumer.pause();
        consumer.pause();
        assertThat(consumer.isPaused()).isTrue();
        for (int i = 0; i < 20; i++) {
            cluster.send(TOPIC, i % 4, "p-" + i, null);
        }

        // pulls held at the broker wake up with these messages; paused, the consumer sets them aside
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.totalLag() >= 20);
        Map<MessageQueue, Long> lag = consumer.lag();
        assertThat(lag.keySet()).containsAll(topicQueues(consumer));
        topicQueues(consumer).forEach(queue -> assertThat(lag.get(queue)).isGreaterThanOrEqualTo(5));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> bodies(received, "p-")
                .isEmpty());
        assertThat(topicQueues(consumer)).as("the queues stay assigned").hasSize(4);

        consumer.resume();
        assertThat(consumer.isPaused()).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bodies(received, "p-").size() >= 20);
        assertThat(bodies(received, "p-")).hasSize(20).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.totalLag() == 0);
    }

    @Test
    void aConsumerPausedBeforeStartTakesTheQueuesButPullsOnlyAfterResume() {
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = PushConsumer.create(
                cluster.runtime("paused-start"), config("cg-paused-start").build(), (message, context) -> {
                    received.add(message);
                    return ConsumeResult.SUCCESS;
                });
        consumers.add(consumer);
        consumer.pause();
        consumer.subscribe(TOPIC, "*").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> topicQueues(consumer).size() == 4);

        for (int i = 0; i < 8; i++) {
            cluster.send(TOPIC, i % 4, "s-" + i, null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.totalLag() >= 8);
        assertThat(received).isEmpty();

        consumer.resume();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> bodies(received, "s-").size() >= 8);
        assertThat(bodies(received, "s-")).hasSize(8).doesNotHaveDuplicates();
    }
}
