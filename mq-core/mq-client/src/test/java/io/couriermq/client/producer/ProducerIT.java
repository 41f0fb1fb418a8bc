package io.couriermq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientException;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.BodyCompression;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.support.FreePort;
import io.couriermq.client.support.LocalCluster;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.common.message.StoredMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer against a real in-process NameServer and two brokers. */
class ProducerIT {
    @TempDir
    Path dir;

    private LocalCluster cluster;
    private ClientRuntime runtime;
    private Producer producer;

    @BeforeEach
    void start() {
        cluster = new LocalCluster(dir, 2);
        cluster.createTopic("Orders", 4);
        runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                .instanceName("producer-it")
                .build());
        producer = Producer.start(
                runtime, ProducerConfig.builder("orders-producer").build());
    }

    @AfterEach
    void stop() {
        producer.close();
        runtime.close();
        cluster.close();
    }

    @Test
    void aSyncSendIsStoredWithItsTagsKeysPropertiesAndId() {
        SendResult result = producer.send(OutgoingMessage.builder("Orders", bytes("order-1"))
                .tags("created")
                .keys("order-1", "customer-9")
                .property("region", "eu")
                .build());

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.attempts()).isEqualTo(1);
        StoredMessage stored = awaitStored(result);
        assertThat(stored.message().tags()).isEqualTo("created");
        assertThat(stored.message().keys()).containsExactly("order-1", "customer-9");
        assertThat(stored.message().property("region")).isEqualTo("eu");
        assertThat(stored.message().uniqueKey()).isEqualTo(result.messageId());
        assertThat(stored.queueOffset()).isEqualTo(result.queueOffset());
    }

    @Test
    void asyncSendsAllCompleteAndSpreadOverBothBrokers() {
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            futures.add(producer.sendAsync(
                    OutgoingMessage.builder("Orders", bytes("m" + i)).build()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

        Set<String> ids = new HashSet<>();
        Set<String> brokers = new HashSet<>();
        for (CompletableFuture<SendResult> future : futures) {
            ids.add(future.join().messageId());
            brokers.add(future.join().queue().brokerName());
        }
        assertThat(ids).hasSize(400);
        assertThat(brokers).containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(producer.inFlight()).isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.storedMessages("Orders").size() == 400);
    }

    @Test
    void theInFlightLimitBoundsAsyncSendsWithoutLosingAny() {
        try (Producer limited = Producer.start(
                runtime, ProducerConfig.builder("limited").maxInFlight(2).build())) {
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            int maxSeen = 0;
            for (int i = 0; i < 200; i++) {
                futures.add(limited.sendAsync(
                        OutgoingMessage.builder("Orders", bytes("l" + i)).build()));
                maxSeen = Math.max(maxSeen, limited.inFlight());
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            assertThat(maxSeen).isLessThanOrEqualTo(2);
            assertThat(futures)
                    .allSatisfy(future -> assertThat(future.join().status()).isEqualTo(SendStatus.SEND_OK));
        }
    }

    @Test
    void onewaySendsArrive() {
        for (int i = 0; i < 50; i++) {
            producer.sendOneway(
                            OutgoingMessage.builder("Orders", bytes("o" + i)).build())
                    .join();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.storedMessages("Orders").size() == 50);
    }

    @Test
    void aBatchOverTheLimitIsSplitAndEveryMessageKeepsItsOwnIdAndOrder() {
        try (Producer batching = Producer.start(
                runtime,
                ProducerConfig.builder("batching").maxBatchBytes(16 * 1024).build())) {
            List<OutgoingMessage> batch = IntStream.range(0, 100)
                    .mapToObj(i -> OutgoingMessage.builder("Orders", new byte[1000])
                            .keys("k" + i)
                            .build())
                    .toList();

            List<SendResult> results = batching.send(batch);

            assertThat(results).hasSizeGreaterThanOrEqualTo(7);
            List<String> ids = results.stream()
                    .flatMap(result -> Arrays.stream(result.messageId().split(",")))
                    .toList();
            assertThat(ids).hasSize(100).doesNotHaveDuplicates();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.storedMessages("Orders").size() == 100);
            for (SendResult result : results) {
                List<StoredMessage> queue = cluster.storedMessages(
                        result.queue().brokerName(), "Orders", result.queue().queueId());
                List<String> keysInQueue = queue.stream()
                        .filter(m -> m.queueOffset() >= result.queueOffset())
                        .limit(result.messageId().split(",").length)
                        .map(m -> m.message().uniqueKey())
                        .toList();
                assertThat(keysInQueue).containsExactly(result.messageId().split(","));
            }
        }
    }

    @Test
    void orderedSendsWithOneKeyUseOneQueue() {
        Set<String> queues = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SendResult result = producer.sendOrderly(
                    OutgoingMessage.builder("Orders", bytes("step " + i)).build(), "order-42");
            queues.add(result.queue().toString());
        }
        assertThat(queues).hasSize(1);
    }

    @Test
    void largeBodiesAreCompressedOnTheWireAndRestoredOnReceipt() {
        byte[] body = "abcdefgh".repeat(2_000).getBytes(StandardCharsets.UTF_8);
        SendResult result =
                producer.send(OutgoingMessage.builder("Orders", body).build());

        StoredMessage stored = awaitStored(result);
        assertThat(stored.message().sysFlag() & MessageSysFlag.COMPRESSED).isNotZero();
        assertThat(stored.message().bodyLength()).isLessThan(body.length / 4);
        assertThat(ReceivedMessage.of(stored, "broker-a").body()).isEqualTo(body);
        assertThat(BodyCompression.decompress(
                        stored.message().bodyBytes(), stored.message().sysFlag()))
                .isEqualTo(body);
    }

    @Test
    void aMessageOverTheMaximumIsRefusedBeforeSending() {
        try (Producer small = Producer.start(
                runtime,
                ProducerConfig.builder("small")
                        .maxMessageBytes(1024)
                        .compressThresholdBytes(1 << 20)
                        .build())) {
            assertThatThrownBy(() -> small.send(
                            OutgoingMessage.builder("Orders", new byte[2048]).build()))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("2048 bytes, more than the maximum of 1024")
                    .satisfies(
                            e -> assertThat(((ClientException) e).isRetriable()).isFalse());
        }
        assertThat(cluster.storedMessages("Orders")).isEmpty();
    }

    @Test
    void aTopicNoBrokerHasIsCreatedByTheFirstSend() {
        SendResult result = producer.send(
                OutgoingMessage.builder("NewTopic", bytes("first")).build());

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.storedMessages("NewTopic").size() == 1);
    }

    @Test
    void sendsGoOnThroughTheOtherBrokerWhenOneStops() {
        for (int i = 0; i < 20; i++) {
            producer.send(
                    OutgoingMessage.builder("Orders", bytes("before " + i)).build());
        }
        cluster.stopBroker("broker-b");

        List<SendResult> after = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            after.add(producer.send(
                    OutgoingMessage.builder("Orders", bytes("after " + i)).build()));
        }

        assertThat(after)
                .allSatisfy(result -> assertThat(result.queue().brokerName()).isEqualTo("broker-a"));
    }

    @Test
    void aDeadNameServerFirstInTheListIsSkipped() {
        String dead = "127.0.0.1:" + FreePort.closed();
        try (ClientRuntime failover = ClientRuntime.start(ClientConfig.builder(dead + ";" + cluster.nameServerAddress())
                        .instanceName("failover")
                        .build());
                Producer viaSecond = Producer.start(
                        failover, ProducerConfig.builder("failover").build())) {
            SendResult result =
                    viaSecond.send(OutgoingMessage.builder("Orders", bytes("x")).build());
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    @Test
    void aPerCallTimeoutShorterThanTheRequestTimeoutEndsTheSendInTime() throws IOException {
        // accepts connections (the kernel does) but never answers: only a timeout ends a request to it
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ClientRuntime stuck = ClientRuntime.start(ClientConfig.builder("127.0.0.1:" + silent.getLocalPort())
                        .instanceName("silent-namesrv")
                        .requestTimeoutMs(30_000)
                        .build());
                Producer waiting =
                        Producer.start(stuck, ProducerConfig.builder("timeouts").build())) {
            OutgoingMessage message =
                    OutgoingMessage.builder("Orders", bytes("late")).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> waiting.send(message, 1))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("timed out after 1 ms")
                    .satisfies(
                            e -> assertThat(((ClientException) e).isRetriable()).isTrue());
            assertThatThrownBy(() -> waiting.sendAsync(message, 200).join())
                    .hasCauseInstanceOf(ClientException.class)
                    .hasMessageContaining("timed out after 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(waiting.inFlight()).isZero();
        }
    }

    @Test
    void aOnewaySendWithASelectorLandsOnTheSelectedQueue() {
        MessageQueueSelector brokerBQueue2 = (queues, message, argument) -> queues.stream()
                .filter(queue -> queue.brokerName().equals("broker-b") && queue.queueId() == (int) argument)
                .findFirst()
                .orElseThrow();

        producer.sendOneway(OutgoingMessage.builder("Orders", bytes("picked")).build(), brokerBQueue2, 2)
                .join();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.storedMessages("broker-b", "Orders", 2).size() == 1);
        assertThat(cluster.storedMessages("Orders")).hasSize(1);
        assertThat(new String(
                        cluster.storedMessages("broker-b", "Orders", 2)
                                .get(0)
                                .message()
                                .bodyBytes(),
                        StandardCharsets.UTF_8))
                .isEqualTo("picked");
    }

    @Test
    void anAsyncBatchIsSplitAndItsPartsAreSentInOrder() {
        List<OutgoingMessage> batch = IntStream.range(0, 6)
                .mapToObj(i -> OutgoingMessage.builder("Orders", new byte[1000])
                        .keys("k" + i)
                        .build())
                .toList();
        try (Producer batching = Producer.start(
                runtime,
                ProducerConfig.builder("async-batching").maxBatchBytes(2_300).build())) {
            List<SendResult> results = batching.sendAsync(batch).join();

            assertThat(results).hasSize(3);
            assertThat(batching.inFlight()).isZero();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.storedMessages("Orders").size() == 6);
            List<String> keysInResultOrder = new ArrayList<>();
            for (SendResult result : results) {
                String[] ids = result.messageId().split(",");
                assertThat(ids).hasSize(2);
                cluster
                        .storedMessages(
                                result.queue().brokerName(),
                                "Orders",
                                result.queue().queueId())
                        .stream()
                        .filter(m -> m.queueOffset() >= result.queueOffset())
                        .limit(ids.length)
                        .forEach(m -> {
                            assertThat(ids).contains(m.message().uniqueKey());
                            keysInResultOrder.add(m.message().keys().get(0));
                        });
            }
            assertThat(keysInResultOrder).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
        }
    }

    @Test
    void anOrderedBatchGoesWholeToTheSelectedQueueOrNotAtAll() {
        MessageQueueSelector brokerAQueue1 = (queues, message, argument) -> queues.stream()
                .filter(queue -> queue.brokerName().equals("broker-a") && queue.queueId() == 1)
                .findFirst()
                .orElseThrow();
        List<OutgoingMessage> batch = IntStream.range(0, 3)
                .mapToObj(i -> OutgoingMessage.builder("Orders", bytes("step-" + i))
                        .keys("s" + i)
                        .build())
                .toList();

        SendResult result = producer.send(batch, brokerAQueue1, null, 3_000);

        assertThat(result.queue().brokerName()).isEqualTo("broker-a");
        assertThat(result.queue().queueId()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.storedMessages("broker-a", "Orders", 1).size() == 3);
        assertThat(cluster.storedMessages("broker-a", "Orders", 1))
                .extracting(m -> m.message().keys().get(0))
                .containsExactly("s0", "s1", "s2");
        try (Producer small = Producer.start(
                runtime,
                ProducerConfig.builder("small-batches").maxBatchBytes(200).build())) {
            assertThatThrownBy(() -> small.send(batch, brokerAQueue1, null, 3_000))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("more than maxBatchBytes 200");
        }
        assertThat(cluster.storedMessages("Orders")).hasSize(3);
    }

    @Test
    void aRequestToATopicNoBrokerHasYetCreatesItAsASendWould() {
        CompletableFuture<ReceivedMessage> reply = producer.request(
                OutgoingMessage.builder("FreshRequests", bytes("ping")).build(), 1_000);

        // nobody answers, so the request times out; but it was stored, in a topic the send created
        assertThatThrownBy(reply::join).hasCauseInstanceOf(ClientException.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cluster.storedMessages("FreshRequests"))
                .hasSize(1));
    }

    @Test
    void aReplyBringsItsUserPropertiesToTheRequester() {
        try (ClientRuntime replierRuntime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                        .instanceName("replier")
                        .build());
                Producer replier = Producer.start(
                        replierRuntime, ProducerConfig.builder("replier").build());
                PushConsumer responder = PushConsumer.create(
                        replierRuntime,
                        ConsumerConfig.builder("responders")
                                .rebalanceIntervalMs(500)
                                .build(),
                        (request, context) -> {
                            replier.replyAsync(request, bytes("pong"), Map.of("status", "ok"))
                                    .join();
                            return ConsumeResult.SUCCESS;
                        })) {
            responder.subscribe("Orders", "*").start();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> responder.assignment().stream()
                                    .filter(queue -> queue.topic().equals("Orders"))
                                    .count()
                            == 8);

            ReceivedMessage reply = producer.request(
                            OutgoingMessage.builder("Orders", bytes("ping")).build(), 15_000)
                    .join();

            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("pong");
            assertThat(reply.property("status")).isEqualTo("ok");
        }
    }

    @Test
    void aTransactionProducerReportsItsHalfMessageToTheObserver() {
        List<OutgoingMessage> observed = new CopyOnWriteArrayList<>();
        ProducerObserver observer = new ProducerObserver() {
            @Override
            public void onSendSucceeded(OutgoingMessage message, String brokerName, SendResult result, long nanos) {
                observed.add(message);
            }
        };
        TransactionListener commit = new TransactionListener() {
            @Override
            public LocalTransactionState executeLocal(OutgoingMessage message, Object argument) {
                return LocalTransactionState.COMMIT;
            }

            @Override
            public LocalTransactionState check(ReceivedMessage message) {
                return LocalTransactionState.COMMIT;
            }
        };
        try (TransactionProducer transactional = TransactionProducer.start(
                runtime, ProducerConfig.builder("tx-observed").build(), commit, observer)) {
            TransactionSendResult result = transactional.sendInTransaction(
                    OutgoingMessage.builder("Orders", bytes("paid")).build(), null);

            assertThat(result.localState()).isEqualTo(LocalTransactionState.COMMIT);
            assertThat(observed).singleElement().satisfies(message -> assertThat(
                            message.property(MessageConst.TRANSACTION_PREPARED))
                    .isEqualTo("true"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.storedMessages("Orders").size() == 1);
        }
    }

    private StoredMessage awaitStored(SendResult result) {
        List<StoredMessage> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.clear();
            cluster
                    .storedMessages(
                            result.queue().brokerName(),
                            "Orders",
                            result.queue().queueId())
                    .stream()
                    .filter(m -> result.messageId().equals(m.message().uniqueKey()))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
