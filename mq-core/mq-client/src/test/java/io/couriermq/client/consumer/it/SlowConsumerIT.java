package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.ProcessQueueInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, bounded resources: one group whose listener is stuck must not slow down another group on
 * the same topic, nor make anyone hold its backlog in memory. The stuck group's client stops pulling a
 * queue once it caches {@code maxCachedMessagesPerQueue} (pullThresholdForQueue) messages, so it has no
 * pull held at the broker and no more than that bound (plus the one pull that crossed it) in its cache.
 */
class SlowConsumerIT {
    private static final String TOPIC = "ItSlow";
    private static final String STUCK = "cg-stuck";
    private static final String NORMAL = "cg-normal";
    private static final int MESSAGES = 600;
    private static final int THRESHOLD = 20;
    private static final int PULL_BATCH = 8;

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;
    private final List<PushConsumer> consumers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        cluster = new ConsumerTestCluster(dir.resolve("store"));
        cluster.createTopic(TOPIC);
    }

    @AfterEach
    void stop() {
        release.countDown();
        consumers.forEach(PushConsumer::close);
        cluster.close();
    }

    @Test
    void aStuckGroupIsFlowControlledWhileTheOtherGetsEveryMessagePromptlyAndItCatchesUpWhenReleased() {
        Set<String> stuckGot = ConcurrentHashMap.newKeySet();
        Set<String> normalGot = ConcurrentHashMap.newKeySet();
        ClientRuntime stuckRuntime = cluster.runtime("stuck");
        PushConsumer stuck = consumer(stuckRuntime, STUCK, body -> {
            awaitRelease();
            stuckGot.add(body);
        });
        PushConsumer normal = consumer(cluster.runtime("normal"), NORMAL, normalGot::add);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        topicQueues(stuck).size() == 4 && topicQueues(normal).size() == 4);

        Producer producer = Producer.start(
                cluster.runtime("slow-producer"),
                ProducerConfig.builder("it-slow-producer").build());
        CompletableFuture<List<SendStatus>> sends = CompletableFuture.supplyAsync(() -> sendAll(producer));

        // the normal group keeps up while the stuck one holds its listener threads
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(normalGot).size() == MESSAGES);
        assertThat(sends.join()).hasSize(MESSAGES).containsOnly(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> normal.totalLag() == 0);
        assertThat(sent(normalGot)).hasSize(MESSAGES);

        // the stuck group fills each queue's cache to the threshold, then stops pulling it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cachedPerQueue(stuckRuntime))
                .hasSize(4)
                .allSatisfy((queue, info) -> assertThat(info.cachedMsgCount()).isGreaterThanOrEqualTo(THRESHOLD)));
        Map<MessageQueue, ProcessQueueInfo> atBound = cachedPerQueue(stuckRuntime);
        atBound.forEach((queue, info) -> assertThat(info.cachedMsgCount())
                .as("cached messages of %s", queue)
                .isLessThan(THRESHOLD + PULL_BATCH));
        assertThat(stuck.totalLag()).isGreaterThanOrEqualTo(MESSAGES);
        assertThat(stuckGot).isEmpty();
        // no pull of the stuck group completes any more: none is held at the broker for it
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<MessageQueue, ProcessQueueInfo> now = cachedPerQueue(stuckRuntime);
            atBound.forEach((queue, info) -> {
                assertThat(now.get(queue).lastPullTimestamp()).isEqualTo(info.lastPullTimestamp());
                assertThat(now.get(queue).cachedMsgCount()).isEqualTo(info.cachedMsgCount());
            });
        });

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(stuckGot).size() == MESSAGES);
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.totalLag() == 0);
        assertThat(sent(normalGot)).hasSize(MESSAGES);
    }

    private interface BodySink {
        void accept(String body);
    }

    private PushConsumer consumer(ClientRuntime runtime, String group, BodySink sink) {
        ConsumerConfig config = ConsumerConfig.builder(group)
                .consumeThreads(2)
                .pullBatchSize(PULL_BATCH)
                .maxCachedMessagesPerQueue(THRESHOLD)
                // far above what 4 queues can cache, so the per-queue threshold is the bound that acts
                .consumeBacklogLimit(10_000)
                .rebalanceIntervalMs(500)
                .persistOffsetIntervalMs(500)
                .shutdownAwaitMs(1_000)
                .offsetStoreDir(dir.resolve("offsets"))
                .build();
        PushConsumer consumer = PushConsumer.create(runtime, config, (message, context) -> {
            sink.accept(new String(message.body(), StandardCharsets.UTF_8));
            return ConsumeResult.SUCCESS;
        });
        consumers.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<SendStatus> sendAll(Producer producer) {
        List<SendStatus> statuses = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            statuses.add(producer.send(OutgoingMessage.builder(TOPIC, ("s-" + i).getBytes(StandardCharsets.UTF_8))
                            .build())
                    .status());
        }
        return statuses;
    }

    private static Set<String> sent(Set<String> received) {
        return received.stream().filter(body -> body.startsWith("s-")).collect(Collectors.toSet());
    }

    private static Set<MessageQueue> topicQueues(PushConsumer consumer) {
        return consumer.assignment().stream()
                .filter(queue -> queue.topic().equals(TOPIC))
                .collect(Collectors.toSet());
    }

    /** The stuck consumer's process queues of the topic, as it reports them to the broker (mqadmin's view). */
    private Map<MessageQueue, ProcessQueueInfo> cachedPerQueue(ClientRuntime runtime) {
        RemotingCommand response = cluster.channelToConsumer(STUCK, runtime.clientId())
                .invoke(
                        RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO.code())
                                .header(new GetConsumerRunningInfoRequestHeader(STUCK, runtime.clientId(), false))
                                .build(),
                        5_000)
                .join();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), ConsumerRunningInfo.class).mqTable().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(TOPIC))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
