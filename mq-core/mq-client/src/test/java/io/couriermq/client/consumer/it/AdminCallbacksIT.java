package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PullConsumer;
import io.couriermq.client.consumer.PullConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.CMResult;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import io.couriermq.remoting.protocol.body.ConsumerRunningInfo;
import io.couriermq.remoting.protocol.body.GetConsumerStatusBody;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.ProcessQueueInfo;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.body.ResetOffsetBody;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.ConsumeMessageDirectlyResultRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerStatusRequestHeader;
import io.couriermq.remoting.protocol.header.broker.ResetOffsetRequestHeader;
import io.couriermq.remoting.rpc.RemotingChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's admin callbacks to a push consumer, sent by the test over the connection broker-a holds
 * to the consumer (what a broker does when mqadmin or the dashboard asks it), against a real consumer
 * of a real in-process cluster.
 */
class AdminCallbacksIT {
    private static final String TOPIC = "ItAdmin";
    private static final String GROUP = "it-admin";
    private static final long TIMEOUT_MS = 5_000;

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;
    private ClientRuntime runtime;
    private PushConsumer consumer;
    private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<ConsumeResult> answer = new AtomicReference<>(ConsumeResult.SUCCESS);

    @BeforeEach
    void start() {
        cluster = new ConsumerTestCluster(dir.resolve("store"));
        cluster.createTopic(TOPIC);
        runtime = cluster.runtime("admin-it");
        ConsumerConfig config = ConsumerConfig.builder(GROUP)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .rebalanceIntervalMs(500)
                .persistOffsetIntervalMs(500)
                .offsetStoreDir(dir.resolve("offsets"))
                .build();
        consumer = PushConsumer.create(runtime, config, (message, context) -> {
                    received.add(message);
                    return answer.get();
                })
                .subscribe(TOPIC, "*")
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies().size() == 4);
    }

    @AfterEach
    void stop() {
        consumer.close();
        cluster.close();
    }

    @Test
    void runningInfoDescribesTheConsumerWithMeasuredFigures() {
        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO.code())
                .header(new GetConsumerRunningInfoRequestHeader(GROUP, runtime.clientId(), true))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        ConsumerRunningInfo info = RemotingJson.decode(response.body(), ConsumerRunningInfo.class);
        assertThat(info.properties())
                .containsEntry(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY")
                .containsEntry(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "false")
                .containsEntry(ConsumerRunningInfo.PROP_CLIENT_VERSION, "V5_2_0")
                .containsEntry("consumerGroup", GROUP)
                .containsKeys(
                        ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE,
                        ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP,
                        ConsumerRunningInfo.PROP_NAMESERVER_ADDR);
        assertThat(info.subscriptionSet()).extracting(SubscriptionData::topic).contains(TOPIC, "%RETRY%" + GROUP);
        for (int queueId = 0; queueId < 4; queueId++) {
            ProcessQueueInfo queue = info.mqTable().get(new MessageQueue(TOPIC, ConsumerTestCluster.BROKER, queueId));
            assertThat(queue).as("queue %d", queueId).isNotNull();
            assertThat(queue.commitOffset()).isEqualTo(1);
            assertThat(queue.cachedMsgCount()).isZero();
            assertThat(queue.lastPullTimestamp()).isPositive();
            assertThat(queue.lastConsumeTimestamp()).isPositive();
            assertThat(queue.droped()).isFalse();
        }
        assertThat(info.statusTable().get(TOPIC).consumeOKTPS()).isPositive();
        assertThat(info.statusTable().get(TOPIC).pullTPS()).isPositive();
        assertThat(info.jstack()).contains("courier-consume-" + GROUP);
    }

    @Test
    void aGroupThatDoesNotRunHereIsRefusedWithTheOfficialRemark() {
        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO.code())
                .header(new GetConsumerRunningInfoRequestHeader("other-group", runtime.clientId(), false))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).isEqualTo("The Consumer Group <other-group> not exist in this consumer");
    }

    @Test
    void consumeDirectlyHandsTheStoredMessageToTheListenerOnce() {
        received.clear();
        RemotingCommand response = call(RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY.code())
                .header(new ConsumeMessageDirectlyResultRequestHeader(
                        GROUP, runtime.clientId(), "any", ConsumerTestCluster.BROKER, TOPIC, null, null))
                .body(cluster.storedRecord(TOPIC, 2, 0))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        ConsumeMessageDirectlyResult result = RemotingJson.decode(response.body(), ConsumeMessageDirectlyResult.class);
        assertThat(result.consumeResult()).isEqualTo(CMResult.CR_SUCCESS);
        assertThat(result.order()).isFalse();
        assertThat(bodies()).containsExactly("warmup-2");
        assertThat(received.get(0).queueId()).isEqualTo(2);
        assertThat(cluster.committedOffset(GROUP, TOPIC, 2)).isLessThanOrEqualTo(1);
    }

    @Test
    void consumeDirectlyReportsAListenerThatAsksForLater() {
        answer.set(ConsumeResult.RECONSUME_LATER);

        RemotingCommand response = call(RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY.code())
                .header(new ConsumeMessageDirectlyResultRequestHeader(
                        GROUP, runtime.clientId(), "any", "broker-a", TOPIC, null, null))
                .body(cluster.storedRecord(TOPIC, 0, 0))
                .build());

        assertThat(RemotingJson.decode(response.body(), ConsumeMessageDirectlyResult.class)
                        .consumeResult())
                .isEqualTo(CMResult.CR_LATER);
    }

    @Test
    void consumerStatusListsTheOffsetsHeldForTheTopic() {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(status().values()).containsExactly(1L, 1L, 1L, 1L));

        assertThat(status())
                .containsOnlyKeys(
                        new MessageQueue(TOPIC, "broker-a", 0),
                        new MessageQueue(TOPIC, "broker-a", 1),
                        new MessageQueue(TOPIC, "broker-a", 2),
                        new MessageQueue(TOPIC, "broker-a", 3));
    }

    @Test
    void anOffsetResetInTheOfficialBrokersFormMakesTheConsumerConsumeAgainFromThere() {
        // what Apache RocketMQ 5.2.0's broker sends: fastjson with object keys, oneway
        StringBuilder table = new StringBuilder("{\"offsetTable\":{");
        for (int queueId = 0; queueId < 4; queueId++) {
            table.append(queueId == 0 ? "" : ",")
                    .append("{\"brokerName\":\"broker-a\",\"queueId\":")
                    .append(queueId)
                    .append(",\"topic\":\"" + TOPIC + "\"}:0");
        }
        table.append("}}");
        channel()
                .invokeOneway(RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET.code())
                        .header(new ResetOffsetRequestHeader(TOPIC, GROUP, -1, null, 0, true))
                        .body(table.toString().getBytes(StandardCharsets.UTF_8))
                        .oneway()
                        .build())
                .join();

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies().size() == 8);
        assertThat(bodies())
                .containsExactlyInAnyOrder(
                        "warmup-0", "warmup-1", "warmup-2", "warmup-3", "warmup-0", "warmup-1", "warmup-2", "warmup-3");
        cluster.send(TOPIC, 1, "after-reset", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies().contains("after-reset"));
        await().atMost(Duration.ofSeconds(5)).until(() -> cluster.committedOffset(GROUP, TOPIC, 1) == 2);
    }

    @Test
    void aPullConsumerReportsItselfAndSeeksToTheResetOffsets() {
        String pullGroup = GROUP + "-pull";
        ClientRuntime pullRuntime = cluster.runtime("admin-it-pull");
        try (PullConsumer pull = PullConsumer.create(
                pullRuntime,
                PullConsumerConfig.builder(pullGroup)
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .autoCommit(false)
                        .rebalanceIntervalMs(500)
                        .build())) {
            pull.subscribe(TOPIC, "*");
            assertThat(poll(pull, 4)).containsExactlyInAnyOrder("warmup-0", "warmup-1", "warmup-2", "warmup-3");
            pull.commitSync();
            RemotingChannel toPull = cluster.channelToConsumer(pullGroup, pullRuntime.clientId());

            RemotingCommand response = toPull.invoke(
                            RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO.code())
                                    .header(new GetConsumerRunningInfoRequestHeader(
                                            pullGroup, pullRuntime.clientId(), false))
                                    .build(),
                            TIMEOUT_MS)
                    .join();
            ConsumerRunningInfo info = RemotingJson.decode(response.body(), ConsumerRunningInfo.class);
            assertThat(info.properties()).containsEntry(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_ACTIVELY");
            assertThat(info.mqTable().values())
                    .extracting(ProcessQueueInfo::commitOffset)
                    .containsOnly(1L);
            assertThat(info.mqTable()).hasSize(4);

            Map<MessageQueue, Long> toZero = new TreeMap<>();
            info.mqTable().keySet().forEach(queue -> toZero.put(queue, 0L));
            toPull.invokeOneway(RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET.code())
                            .header(new ResetOffsetRequestHeader(TOPIC, pullGroup, -1, null, 0, true))
                            .body(RemotingJson.encode(new ResetOffsetBody(toZero)))
                            .oneway()
                            .build())
                    .join();

            assertThat(poll(pull, 4)).containsExactlyInAnyOrder("warmup-0", "warmup-1", "warmup-2", "warmup-3");
            for (int queueId = 0; queueId < 4; queueId++) {
                assertThat(cluster.committedOffset(pullGroup, TOPIC, queueId)).isZero();
            }
        }
    }

    private static List<String> poll(PullConsumer consumer, int count) {
        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200))
                    .forEach(message -> bodies.add(new String(message.body(), StandardCharsets.UTF_8)));
            return bodies.size() >= count;
        });
        return bodies;
    }

    private Map<MessageQueue, Long> status() {
        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT.code())
                .header(new GetConsumerStatusRequestHeader(TOPIC, GROUP, null))
                .build());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        return RemotingJson.decode(response.body(), GetConsumerStatusBody.class).messageQueueTable();
    }

    private List<String> bodies() {
        return received.stream()
                .map(message -> new String(message.body(), StandardCharsets.UTF_8))
                .toList();
    }

    private RemotingChannel channel() {
        return cluster.channelToConsumer(GROUP, runtime.clientId());
    }

    private RemotingCommand call(RemotingCommand request) {
        return channel().invoke(request, TIMEOUT_MS).join();
    }
}
