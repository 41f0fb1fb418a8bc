package io.couriermq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.BatchCodec;
import io.couriermq.common.message.codec.BatchEntry;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.SerializeType;
import io.couriermq.remoting.protocol.header.broker.PullMessageResponseHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A whole broker over real sockets: registration, sends of every kind, pulls and long polling. */
class BrokerIT {
    @TempDir
    Path storeDir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private NameServer nameServer;
    private Broker broker;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        nameServer = cluster.startNameServer();
        broker = cluster.startBroker(
                storeDir,
                LocalCluster.smallFiles(
                        Map.of("namesrvAddr", LocalCluster.address(nameServer), "enablePropertyFilter", "true")));
        address = LocalCluster.address(broker);
        client = cluster.client();
    }

    @Test
    void theBrokerRegistersWithItsNameServer() {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> nameServer.routes().snapshot().routeOf("TBW102", null) != null);
        assertThat(nameServer
                        .routes()
                        .snapshot()
                        .routeOf("TBW102", null)
                        .brokerDatas()
                        .get(0)
                        .masterAddress())
                .isEqualTo(broker.address());
    }

    @Test
    void aSentMessageIsPulledBackIntactWithItsIds() {
        RemotingCommand sent =
                send("Orders", 2, "hello", "TAGS\u0001TagA\u0002KEYS\u0001order-1\u0002", SerializeType.JSON);

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
        SendMessageResponseHeader header = sent.decodeHeader(SendMessageResponseHeader::decode);
        assertThat(header.queueId()).isEqualTo(2);
        assertThat(header.queueOffset()).isZero();
        assertThat(MessageId.decode(header.msgId()).toString()).contains(String.valueOf(broker.listenPort()));

        RemotingCommand pulled = pullWhenDispatched("Orders", 2, 0, "*");
        List<StoredMessage> messages = MessageDecoder.decodeAll(ByteBuffer.wrap(pulled.body()));
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(StandardCharsets.UTF_8.decode(message.message().body()).toString())
                    .isEqualTo("hello");
            assertThat(message.message().tags()).isEqualTo("TagA");
            assertThat(message.message().keys()).containsExactly("order-1");
            assertThat(message.message().uniqueKey())
                    .isEqualTo(header.transactionId())
                    .isNotBlank();
            assertThat(message.message().property("CLUSTER")).isEqualTo("DefaultCluster");
        });
        assertThat(pulled.decodeHeader(PullMessageResponseHeader::decode).nextBeginOffset())
                .isEqualTo(1);
    }

    @Test
    void binaryHeadersWorkEndToEnd() {
        RemotingCommand sent = send("Orders", 0, "binary", "", SerializeType.ROCKETMQ);

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(sent.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void aBatchLandsOnConsecutiveOffsetsEachWithItsOwnId() {
        byte[] body = bytes(BatchCodec.encode(List.of(
                new BatchEntry(0, "one".getBytes(StandardCharsets.UTF_8), Map.of("UNIQ_KEY", "ID-1")),
                new BatchEntry(0, "two".getBytes(StandardCharsets.UTF_8), Map.of("UNIQ_KEY", "ID-2")))));
        RemotingCommand response = client.invokeSync(
                address,
                BrokerRequests.send("Orders", 1)
                        .properties("WAIT\u0001true\u0002UNIQ_KEY\u0001BATCH\u0002")
                        .code(RequestCode.SEND_BATCH_MESSAGE)
                        .body(body),
                3_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(response.decodeHeader(SendMessageResponseHeader::decode)
                        .msgId()
                        .split(","))
                .hasSize(2);
        List<StoredMessage> pulled = MessageDecoder.decodeAll(
                ByteBuffer.wrap(pullAfterDispatch("Orders", 1, 2, "*").body()));
        assertThat(pulled).extracting(StoredMessage::queueOffset).containsExactly(0L, 1L);
        assertThat(pulled).extracting(message -> message.message().uniqueKey()).containsExactly("ID-1", "ID-2");
    }

    @Test
    void tagsAreFilteredOnTheBroker() {
        send("Orders", 0, "a", "TAGS\u0001TagA\u0002", SerializeType.JSON);
        send("Orders", 0, "b", "TAGS\u0001TagB\u0002", SerializeType.JSON);
        send("Orders", 0, "c", "TAGS\u0001TagA\u0002", SerializeType.JSON);

        List<StoredMessage> tagB = MessageDecoder.decodeAll(
                ByteBuffer.wrap(pullAfterDispatch("Orders", 0, 3, "TagB").body()));

        assertThat(tagB).extracting(m -> m.message().tags()).containsExactly("TagB");
    }

    @Test
    void sql92IsEvaluatedOnTheBrokerSoFilteredMessagesNeverCrossTheNetwork() {
        for (int a = 0; a < 10; a++) {
            send(
                    "Sql",
                    0,
                    "m" + a,
                    "a\u0001" + a + "\u0002TAGS\u0001" + (a % 2 == 0 ? "even" : "odd") + "\u0002",
                    SerializeType.JSON);
        }
        send("Sql", 0, "no-a", "", SerializeType.JSON);
        LocalCluster.awaitQueueLength(broker, "Sql", 0, 11);

        RemotingCommand response =
                client.invokeSync(address, sqlPull("Sql", 0, "a between 0 and 3 AND TAGS = 'odd'"), 5_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(MessageDecoder.decodeAll(ByteBuffer.wrap(response.body())))
                .extracting(m -> m.message().properties().get("a"))
                .containsExactly("1", "3");
        assertThat(response.decodeHeader(PullMessageResponseHeader::decode).nextBeginOffset())
                .as("every entry was examined")
                .isEqualTo(11);
        RemotingCommand none = client.invokeSync(address, sqlPull("Sql", 0, "a > 100"), 5_000);
        assertThat(none.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY.code());
    }

    @Test
    void aPullWithAnInvalidSql92ExpressionIsRefusedWithThePositionOfTheError() {
        send("Sql", 0, "x", "a\u00011\u0002", SerializeType.JSON);

        RemotingCommand response = client.invokeSync(address, sqlPull("Sql", 0, "a > 1 and"), 5_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code());
        assertThat(response.remark()).contains("at position 10");
    }

    private static RemotingCommand sqlPull(String topic, int queueId, String expression) {
        return BrokerRequests.pull(topic, queueId, 0).sql92(expression).lite().build();
    }

    @Test
    void aPullThatFindsNothingIsHeldUntilAMessageArrives() {
        send("Orders", 3, "first", "", SerializeType.JSON);
        CompletableFuture<RemotingCommand> held =
                client.invokeAsync(address, pullRequest("Orders", 3, 1, "*", 10_000), 15_000);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !held.isDone());
        send("Orders", 3, "second", "", SerializeType.JSON);

        RemotingCommand answered = held.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(answered.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(MessageDecoder.decodeAll(ByteBuffer.wrap(answered.body())))
                .extracting(StoredMessage::queueOffset)
                .containsExactly(1L);
    }

    @Test
    void aHeldPullIsAnsweredNotFoundWhenItsSuspendTimePasses() {
        RemotingCommand answered = client.invokeSync(address, pullRequest("TBW102", 0, 0, "*", 300), 5_000);

        assertThat(answered.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND.code());
        assertThat(answered.decodeHeader(PullMessageResponseHeader::decode).nextBeginOffset())
                .isZero();
    }

    @Test
    void refusalsCarryTheCodeTheClientExpects() {
        RemotingCommand unknownTopic = pull("Nobody", 0, 0, "*", 0);
        assertThat(unknownTopic.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST.code());

        send("Orders", 0, "x", "", SerializeType.JSON);
        RemotingCommand badQueue = pull("Orders", 99, 0, "*", 0);
        assertThat(badQueue.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(badQueue.remark()).contains("queueId[99]");

        RemotingCommand badDelay = send("Orders", 0, "later", "DELAY\u0001two\u0002", SerializeType.JSON);
        assertThat(badDelay.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL.code());
        assertThat(badDelay.remark()).contains("DELAY");

        RemotingCommand tooBig =
                client.invokeSync(address, BrokerRequests.send("Orders", 0).body(new byte[5 * 1024 * 1024]), 3_000);
        assertThat(tooBig.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL.code());
        assertThat(broker.store().maxOffset("Orders", 0))
                .as("nothing half-stored")
                .isEqualTo(1);
    }

    private RemotingCommand send(String topic, int queueId, String body, String properties, SerializeType type) {
        return client.invokeSync(
                address,
                BrokerRequests.send(topic, queueId)
                        .properties(properties)
                        .serializeType(type)
                        .body(body),
                3_000);
    }

    /** Dispatch to the consume queue is asynchronous: a pull right after a send may find nothing yet. */
    private RemotingCommand pullWhenDispatched(String topic, int queueId, long offset, String tags) {
        return await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> pull(topic, queueId, offset, tags, 0),
                        response -> response.code() == ResponseCode.SUCCESS.code());
    }

    /** Pulls from offset 0 once all {@code count} messages of the queue are dispatched. */
    private RemotingCommand pullAfterDispatch(String topic, int queueId, long count, String tags) {
        LocalCluster.awaitQueueLength(broker, topic, queueId, count);
        return pull(topic, queueId, 0, tags, 0);
    }

    private RemotingCommand pull(String topic, int queueId, long offset, String tags, long suspendMs) {
        return client.invokeSync(address, pullRequest(topic, queueId, offset, tags, suspendMs), 5_000);
    }

    private static RemotingCommand pullRequest(String topic, int queueId, long offset, String tags, long suspendMs) {
        return BrokerRequests.pull(topic, queueId, offset)
                .tags(tags)
                .heldFor(suspendMs)
                .lite()
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void theFastChannelServesTheSameRequestsOnASecondPort() {
        assertThat(broker.fastListenPort()).isPositive().isNotEqualTo(broker.listenPort());
        String main = address;
        address = "127.0.0.1:" + broker.fastListenPort();
        try {
            RemotingCommand sent = send("ViaFastChannel", 0, "vip", "", SerializeType.JSON);
            assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
            assertThat(pullWhenDispatched("ViaFastChannel", 0, 0, "*").code()).isEqualTo(ResponseCode.SUCCESS.code());
        } finally {
            address = main;
        }
    }

    @Test
    void aBrokerThatCannotBindItsPortFailsCleanlyAndReleasesItsStore() {
        BrokerSettings taken = LocalCluster.brokerSettings(
                storeDir.resolve("second"),
                Map.of(
                        "listenPort", String.valueOf(broker.listenPort()),
                        "mappedFileSizeCommitLog", String.valueOf(8 << 20)));
        Broker second = new Broker(taken, Clock.system());

        assertThatThrownBy(second::start).hasMessageContaining("cannot listen");
        second.shutdown();

        Broker retry = cluster.startBroker(
                storeDir.resolve("second"), Map.of("mappedFileSizeCommitLog", String.valueOf(8 << 20)));
        retry.shutdown();
    }
}
