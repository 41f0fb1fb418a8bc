package io.couriermq.broker.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.broker.Broker;
import io.couriermq.broker.testing.BrokerRequests;
import io.couriermq.broker.testing.LocalCluster;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeStatsList;
import io.couriermq.remoting.protocol.body.GetConsumerStatusBody;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.ProducerTableInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.ResetOffsetBody;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.broker.CloneGroupOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ConsumeMessageDirectlyResultRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumeStatsInBrokerHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerStatusRequestHeader;
import io.couriermq.remoting.protocol.header.broker.OffsetResponseHeader;
import io.couriermq.remoting.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * mqadmin's consumer-group operations against a whole broker over real sockets: an admin connection asks,
 * and a consumer connection that sent a real heartbeat answers the broker's callbacks (220, 221, 309) the
 * way a 5.2.0 client does (fastjson's raw object keys in its status answer).
 */
class GroupOperationsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT_ID = "127.0.0.1@consumer";
    private static final long START_MS = 1_700_000_000_000L;

    @TempDir
    Path storeDir;

    private final ManualClock clock = new ManualClock(START_MS);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private final ExecutorService consumerExecutor = Executors.newSingleThreadExecutor();
    private final List<RemotingCommand> resetNotices = new CopyOnWriteArrayList<>();
    private final List<StoredMessage> consumedDirectly = new CopyOnWriteArrayList<>();
    private Broker broker;
    private NettyRemotingClient consumer;
    private NettyRemotingClient admin;
    private String address;

    @BeforeEach
    void start() {
        broker = cluster.startBroker(
                storeDir, LocalCluster.smallFiles(Map.of("haListenPort", "0", "brokerIP1", "127.0.0.1")), clock);
        address = LocalCluster.address(broker);
        broker.topics().createOrUpdate(new TopicConfig("Orders", 2, 2, 6, "SINGLE_TAG", 0, false, Map.of()));
        admin = cluster.client();
        consumer = cluster.client();
        consumer.registerProcessor(
                RequestCode.RESET_CONSUMER_CLIENT_OFFSET.code(),
                (context, request) -> {
                    resetNotices.add(request);
                    return null;
                },
                consumerExecutor);
        consumer.registerProcessor(
                RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT.code(),
                (context, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                        .body(("{\"consumerTable\":{},\"messageQueueTable\":{{\"brokerName\":\"broker-a\","
                                        + "\"queueId\":0,\"topic\":\"" + request.extField("topic") + "\"}:3}}")
                                .getBytes(UTF_8))
                        .build(),
                consumerExecutor);
        consumer.registerProcessor(
                RequestCode.CONSUME_MESSAGE_DIRECTLY.code(),
                (context, request) -> {
                    consumedDirectly.addAll(MessageDecoder.decodeAll(ByteBuffer.wrap(request.body())));
                    return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                            .body(("{\"autoCommit\":true,\"consumeResult\":\"CR_SUCCESS\",\"order\":false,"
                                            + "\"remark\":\"" + request.extField("brokerName")
                                            + "\",\"spentTimeMills\":1}")
                                    .getBytes(UTF_8))
                            .build();
                },
                consumerExecutor);
        heartbeat();
    }

    @AfterEach
    void stop() {
        cluster.close();
        consumerExecutor.shutdownNow();
    }

    @Test
    void resetByTimeMovesTheCommittedOffsetsAndTellsTheOnlineConsumer() {
        List<String> ids = sendEach("Orders", 0, 4);
        long resetPoint = clock.millis();
        ids.addAll(sendEach("Orders", 0, 3));
        commit("cg", 0, 7);
        commit("idle", 0, 1);

        RemotingCommand answer = call(
                RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader("Orders", "cg", -1, -1L, resetPoint, true));

        MessageQueue q0 = new MessageQueue("Orders", "broker-a", 0);
        MessageQueue q1 = new MessageQueue("Orders", "broker-a", 1);
        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(RemotingJson.decode(answer.body(), ResetOffsetBody.class).offsetTable())
                .containsExactly(Map.entry(q0, 4L), Map.entry(q1, 0L));
        assertThat(committed("cg", 0)).isEqualTo(4);
        await().atMost(WAIT).until(() -> !resetNotices.isEmpty());
        RemotingCommand notice = resetNotices.get(0);
        assertThat(notice.isOneway()).isTrue();
        assertThat(notice.extFields())
                .containsEntry("group", "cg")
                .containsEntry("timestamp", String.valueOf(resetPoint));
        assertThat(RemotingJson.decode(notice.body(), ResetOffsetBody.class).offsetTable())
                .containsEntry(q0, 4L);

        RemotingCommand skipped = call(
                RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader("Orders", "idle", -1, -1L, -1, true));
        assertThat(skipped.code())
                .as("a group nobody consumes (it has offsets) is reset by the broker itself")
                .isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(committed("idle", 0)).isEqualTo(7);
    }

    @Test
    void consumerStatusComesFromTheConsumerItself() {
        RemotingCommand answer = call(
                RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
                new GetConsumerStatusRequestHeader("Orders", "cg", null));

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(RemotingJson.decode(answer.body(), GetConsumerStatusBody.class)
                        .consumerTable())
                .containsExactly(Map.entry(CLIENT_ID, Map.of(new MessageQueue("Orders", "broker-a", 0), 3L)));
    }

    @Test
    void aMessageIsConsumedDirectlyByTheNamedConsumer() {
        String msgId = sendEach("Orders", 1, 2).get(1);

        RemotingCommand answer = call(
                RequestCode.CONSUME_MESSAGE_DIRECTLY,
                new ConsumeMessageDirectlyResultRequestHeader("cg", CLIENT_ID, msgId, null, "Orders", null, null));

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), UTF_8))
                .contains("\"consumeResult\":\"CR_SUCCESS\"", "\"remark\":\"broker-a\"");
        assertThat(consumedDirectly).singleElement().satisfies(message -> {
            assertThat(UTF_8.decode(message.message().body()).toString()).isEqualTo("Orders-1-1");
            assertThat(message.queueOffset()).isEqualTo(1);
        });
    }

    @Test
    void producersClonesAndBrokerWideLag() {
        sendEach("Orders", 0, 5);
        commit("cg", 0, 2);

        RemotingCommand producers = call(RequestCode.GET_ALL_PRODUCER_INFO, null);
        RemotingCommand cloned = call(
                RequestCode.CLONE_GROUP_OFFSET, new CloneGroupOffsetRequestHeader("cg", "cg-copy", "Orders", false));
        RemotingCommand stats = call(RequestCode.GET_BROKER_CONSUME_STATS, new GetConsumeStatsInBrokerHeader(false));

        assertThat(RemotingJson.decode(producers.body(), ProducerTableInfo.class)
                        .data()
                        .get("pg"))
                .singleElement()
                .satisfies(info -> {
                    assertThat(info.clientId()).isEqualTo(CLIENT_ID);
                    assertThat(info.remoteIP()).startsWith("/127.0.0.1:");
                });
        assertThat(cloned.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(committed("cg-copy", 0)).isEqualTo(2);
        ConsumeStatsList list = RemotingJson.decode(stats.body(), ConsumeStatsList.class);
        assertThat(list.brokerAddr()).isEqualTo(address);
        assertThat(list.consumeStatsList())
                .extracting(entry -> entry.keySet().iterator().next())
                .containsExactly("cg", "cg-copy");
        assertThat(list.totalDiff()).isEqualTo(3 + 3);
    }

    private void heartbeat() {
        String body = ClientManageProcessorTest.HEARTBEAT_520
                .replace("10.0.0.9@12345#123456789", CLIENT_ID)
                .replace("TopicTest", "Orders");
        RemotingCommand response = consumer.invokeSync(
                address,
                RemotingCommand.request(RequestCode.HEART_BEAT)
                        .extFields(Map.of())
                        .body(body.getBytes(UTF_8))
                        .build(),
                3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
    }

    /** Sends {@code count} messages to one queue, 1 ms apart on the broker's clock; returns their offsetMsgIds. */
    private List<String> sendEach(String topic, int queueId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RemotingCommand sent = admin.invokeSync(
                    address,
                    BrokerRequests.send(topic, queueId).bornAt(clock.millis()).body(topic + "-" + queueId + "-" + i),
                    3_000);
            assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS.code());
            ids.add(sent.decodeHeader(SendMessageResponseHeader::decode).msgId());
            clock.advanceMillis(1);
        }
        long expected = ids.size();
        await().atMost(WAIT).until(() -> broker.store().maxOffset(topic, queueId) >= expected);
        return ids;
    }

    private void commit(String group, int queueId, long offset) {
        broker.offsets().commit(group, "Orders", queueId, offset);
    }

    private long committed(String group, int queueId) {
        RemotingCommand answer = call(
                RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(group, "Orders", queueId, null, "broker-a"));
        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return answer.decodeHeader(OffsetResponseHeader::decode).offset();
    }

    private RemotingCommand call(RequestCode code, CommandHeader header) {
        RemotingCommand.Builder request = RemotingCommand.request(code);
        if (header != null) {
            request.header(header);
        }
        return admin.invokeSync(address, request.build(), 5_000);
    }
}
