package io.couriermq.broker.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangeListener;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.client.ProducerGroupRegistry;
import io.couriermq.broker.client.RebalanceLockManager;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.header.broker.GetConsumerConnectionListRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerRunningInfoRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetProducerConnectionListRequestHeader;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConsumerGroupProcessorTest {
    private static final MessageQueue Q0 = new MessageQueue("TopicTest", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("TopicTest", "broker-a", 1);

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ConsumerGroupRegistry consumers = new ConsumerGroupRegistry(clock, ConsumerIdsChangeListener.NONE);
    private final ProducerGroupRegistry producers = new ProducerGroupRegistry(clock);
    private final RebalanceLockManager locks = new RebalanceLockManager(clock);
    private final ConsumerGroupProcessor processor = new ConsumerGroupProcessor(consumers, producers, locks);
    private final FakeRemotingChannel channelA = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel channelB = new FakeRemotingChannel("10.0.0.2:1002");
    private final FakeRemotingChannel admin = new FakeRemotingChannel("10.0.0.100:2000");

    @Test
    void theConsumerListIsSortedJson() {
        join(channelB, "10.0.0.2@b");
        join(channelA, "10.0.0.1@a");

        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                .header(new GetConsumerListByGroupRequestHeader("cg"))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(response.body(), UTF_8))
                .isEqualTo("{\"consumerIdList\":[\"10.0.0.1@a\",\"10.0.0.2@b\"]}");
    }

    @Test
    void anEmptyGroupIsASystemErrorAsOnRocketMq() {
        RemotingCommand response = call(RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                .header(new GetConsumerListByGroupRequestHeader("cg"))
                .build());

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).isEqualTo("no consumer for this group, cg");
    }

    @Test
    void lockAnswersTheQueuesTheCallerNowHoldsAndUnlockReleasesThem() {
        locks.tryLock("cg", "other", Set.of(Q1));

        RemotingCommand locked = call(lockRequest(RequestCode.LOCK_BATCH_MQ, "cid"));

        assertThat(locked.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(locked.body(), UTF_8))
                .isEqualTo("{\"lockOKMQSet\":[{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}]}");

        RemotingCommand unlocked = call(lockRequest(RequestCode.UNLOCK_BATCH_MQ, "cid"));
        assertThat(unlocked.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(locks.isLocked("cg", Q0)).isFalse();
        assertThat(locks.isLockedBy("cg", Q1, "other"))
                .as("not the caller's to unlock")
                .isTrue();
    }

    @Test
    void theConsumerConnectionListOrNotOnline() {
        join(channelA, "10.0.0.1@a");

        RemotingCommand online = call(connectionRequest("cg"));
        RemotingCommand offline = call(connectionRequest("nobody"));

        assertThat(online.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(online.body(), UTF_8))
                .startsWith("{\"connectionSet\":[{\"clientAddr\":\"10.0.0.1:1001\",\"clientId\":\"10.0.0.1@a\","
                        + "\"language\":\"JAVA\",\"version\":453}],\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\","
                        + "\"consumeType\":\"CONSUME_PASSIVELY\",\"messageModel\":\"CLUSTERING\","
                        + "\"subscriptionTable\":{\"TopicTest\":{");
        assertThat(offline.code()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE.code());
        assertThat(offline.remark()).contains("nobody");
    }

    @Test
    void theProducerConnectionList() {
        producers.register("pg", new ClientIdentity(channelA, "10.0.0.1@a", LanguageCode.JAVA, 453));

        RemotingCommand online = call(RemotingCommand.request(RequestCode.GET_PRODUCER_CONNECTION_LIST)
                .header(new GetProducerConnectionListRequestHeader("pg"))
                .build());
        RemotingCommand unknown = call(RemotingCommand.request(RequestCode.GET_PRODUCER_CONNECTION_LIST)
                .header(new GetProducerConnectionListRequestHeader("nobody"))
                .build());

        assertThat(new String(online.body(), UTF_8))
                .isEqualTo("{\"connectionSet\":[{\"clientAddr\":\"10.0.0.1:1001\",\"clientId\":\"10.0.0.1@a\","
                        + "\"language\":\"JAVA\",\"version\":453}]}");
        assertThat(unknown.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
    }

    @Test
    void runningInfoIsRelayedToTheConsumerAndItsAnswerBackUnchanged() {
        join(channelA, "10.0.0.1@a");
        byte[] nonStandardJson =
                "{\"mqTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:{}}}".getBytes(UTF_8);
        channelA.answerWith(forwarded ->
                CompletableFuture.completedFuture(RemotingCommand.responseTo(forwarded, ResponseCode.SUCCESS)
                        .remark("ok")
                        .extField("x", "y")
                        .body(nonStandardJson)
                        .build()));
        RemotingCommand request = runningInfoRequest("10.0.0.1@a");
        FakeRequestContext context = new FakeRequestContext(admin);

        assertThat(processor.process(context, request))
                .as("answered from the relay's completion")
                .isNull();

        RemotingCommand forwarded = channelA.invoked().get(0);
        assertThat(forwarded.code()).isEqualTo(RequestCode.GET_CONSUMER_RUNNING_INFO.code());
        assertThat(forwarded.extFields()).isEqualTo(request.extFields());
        assertThat(forwarded.body()).isEqualTo(request.body());
        assertThat(forwarded.opaque()).isNotEqualTo(request.opaque());
        RemotingCommand answer = context.answer();
        assertThat(answer.isResponse()).isTrue();
        assertThat(answer.opaque()).isEqualTo(request.opaque());
        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(answer.remark()).isEqualTo("ok");
        assertThat(answer.extField("x")).isEqualTo("y");
        assertThat(answer.body()).isEqualTo(nonStandardJson);
    }

    @Test
    void aConsumerThatDoesNotAnswerInTimeIsConsumeMsgTimeout() {
        join(channelA, "10.0.0.1@a");
        channelA.answerWith(forwarded -> CompletableFuture.failedFuture(new RemotingTimeoutException("late")));
        FakeRequestContext context = new FakeRequestContext(admin);

        processor.process(context, runningInfoRequest("10.0.0.1@a"));

        assertThat(context.answer().code()).isEqualTo(ResponseCode.CONSUME_MSG_TIMEOUT.code());
    }

    @Test
    void aConsumerThatIsNotConnectedIsNotOnline() {
        RemotingCommand response = processor.process(new FakeRequestContext(admin), runningInfoRequest("10.0.0.1@a"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(response.remark()).contains("not online");
    }

    @Test
    void itHandlesExactlyItsCodes() {
        assertThat(ConsumerGroupProcessor.CODES)
                .containsExactlyInAnyOrder(
                        RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                        RequestCode.LOCK_BATCH_MQ,
                        RequestCode.UNLOCK_BATCH_MQ,
                        RequestCode.GET_CONSUMER_CONNECTION_LIST,
                        RequestCode.GET_PRODUCER_CONNECTION_LIST,
                        RequestCode.GET_CONSUMER_RUNNING_INFO);
    }

    private void join(FakeRemotingChannel channel, String clientId) {
        SubscriptionData subscription = new SubscriptionData("TopicTest", "*", Set.of(), Set.of(), 1, "TAG", false);
        consumers.register(
                new ClientIdentity(channel, clientId, LanguageCode.JAVA, 453),
                new ConsumerData(
                        "cg",
                        ConsumeType.CONSUME_PASSIVELY,
                        MessageModel.CLUSTERING,
                        ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                        Set.of(subscription),
                        false),
                false);
    }

    private RemotingCommand call(RemotingCommand request) {
        return processor.process(new FakeRequestContext(channelA), request);
    }

    private static RemotingCommand lockRequest(RequestCode code, String clientId) {
        String body = "{\"clientId\":\"" + clientId + "\",\"consumerGroup\":\"cg\",\"mqSet\":["
                + "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"},"
                + "{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"TopicTest\"}],\"onlyThisBroker\":false}";
        return RemotingCommand.request(code).body(body.getBytes(UTF_8)).build();
    }

    private static RemotingCommand connectionRequest(String group) {
        return RemotingCommand.request(RequestCode.GET_CONSUMER_CONNECTION_LIST)
                .header(new GetConsumerConnectionListRequestHeader(group))
                .build();
    }

    private static RemotingCommand runningInfoRequest(String clientId) {
        return RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO)
                .header(new GetConsumerRunningInfoRequestHeader("cg", clientId, true))
                .body(List.of("opaque").toString().getBytes(UTF_8))
                .build();
    }
}
