package io.couriermq.broker.processor;

import static io.couriermq.broker.admin.AdminFixtures.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.admin.AdminFixtures.TrackingStore;
import io.couriermq.broker.client.ClientIdentity;
import io.couriermq.broker.client.ConsumerGroupRegistry;
import io.couriermq.broker.client.ConsumerIdsChangeListener;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.LanguageCode;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.ConsumeMessageDirectlyResultRequestHeader;
import io.couriermq.remoting.protocol.header.broker.GetConsumerStatusRequestHeader;
import io.couriermq.remoting.rpc.RemotingTimeoutException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerCallbackProcessorTest {
    /** A 5.2.0 client's GET_CONSUMER_STATUS_FROM_CLIENT answer as fastjson writes it (raw object keys). */
    private static final String OFFICIAL_STATUS = "{\"consumerTable\":{},\"messageQueueTable\":"
            + "{{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"Orders\"}:7,"
            + "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"Orders\"}:5}}";

    private static final String Q0 =
            "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"Orders\\\"}\"";
    private static final String Q1 =
            "\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":1,\\\"topic\\\":\\\"Orders\\\"}\"";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final TrackingStore store = new TrackingStore(clock);
    private final BrokerConfig config = AdminFixtures.config();
    private final ConsumerGroupRegistry consumers = new ConsumerGroupRegistry(clock, ConsumerIdsChangeListener.NONE);
    private final FakeRemotingChannel official = new FakeRemotingChannel("10.0.0.1:1001");
    private final FakeRemotingChannel ours = new FakeRemotingChannel("10.0.0.2:1002");
    private final FakeRemotingChannel silent = new FakeRemotingChannel("10.0.0.3:1003");
    private ConsumerCallbackProcessor processor;

    @BeforeEach
    void setUp() {
        TopicConfigManager topics = new TopicConfigManager(config, dir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 2, 2, 6, "SINGLE_TAG", 0, false, Map.of()));
        processor = new ConsumerCallbackProcessor(
                "broker-a", store, topics, new SubscriptionGroupManager(config, dir, clock), consumers, 1_000, 1_000);
        official.answerWith(request -> answered(request, OFFICIAL_STATUS));
        ours.answerWith(request -> answered(request, "{\"consumerTable\":{},\"messageQueueTable\":{" + Q1 + ":2}}"));
        silent.answerWith(request -> CompletableFuture.failedFuture(new RemotingTimeoutException("silent")));
    }

    @Test
    void consumerStatusAsksEveryMemberAndMergesTheirTablesByClientId() {
        join(official, "10.0.0.1@official");
        join(ours, "10.0.0.2@ours");
        join(silent, "10.0.0.3@silent");

        RemotingCommand answer = callLater(status(null));

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), UTF_8))
                .isEqualTo("{\"consumerTable\":{\"10.0.0.1@official\":{" + Q0 + ":5," + Q1 + ":7},"
                        + "\"10.0.0.2@ours\":{" + Q1 + ":2}},\"messageQueueTable\":{}}");
        assertThat(official.invoked()).singleElement().satisfies(ask -> {
            assertThat(ask.code()).isEqualTo(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT.code());
            assertThat(ask.extFields()).containsOnly(Map.entry("topic", "Orders"), Map.entry("group", "cg"));
        });
    }

    @Test
    void consumerStatusOfOneClientAsksOnlyThatClient() {
        join(official, "10.0.0.1@official");
        join(ours, "10.0.0.2@ours");

        RemotingCommand answer = callLater(status("10.0.0.2@ours"));

        assertThat(new String(answer.body(), UTF_8))
                .isEqualTo("{\"consumerTable\":{\"10.0.0.2@ours\":{" + Q1 + ":2}},\"messageQueueTable\":{}}");
        assertThat(official.invoked()).isEmpty();
    }

    @Test
    void consumerStatusWithNobodyOnlineIsASystemError() {
        RemotingCommand answer = processor.process(new FakeRequestContext(ours), status(null));

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(answer.remark()).isEqualTo("No Any Consumer online in the consumer group: [cg]");
    }

    @Test
    void consumeDirectlyRelaysTheStoredRecordWithTheBrokersFieldsAndTheClientsAnswerUnparsed() {
        join(official, "10.0.0.1@official");
        store.put(message("Orders", 1, "k1", null));
        long offset = store.putMessage(message("Orders", 1, "k2", null)).join().firstCommitLogOffset();
        String msgId = MessageId.encode(new InetSocketAddress("127.0.0.1", 10911), offset);
        official.answerWith(request -> answered(request, "{\"consumeResult\":\"CR_SUCCESS\",\"order\":false}"));

        RemotingCommand answer = callLater(consumeDirectly("10.0.0.1@official", msgId));

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), UTF_8)).isEqualTo("{\"consumeResult\":\"CR_SUCCESS\",\"order\":false}");
        RemotingCommand relayed = official.invoked().get(0);
        assertThat(relayed.code()).isEqualTo(RequestCode.CONSUME_MESSAGE_DIRECTLY.code());
        assertThat(relayed.extFields())
                .containsEntry("consumerGroup", "cg")
                .containsEntry("clientId", "10.0.0.1@official")
                .containsEntry("msgId", msgId)
                .containsEntry("brokerName", "broker-a")
                .containsEntry("topicSysFlag", "0");
        StoredMessage sent =
                MessageDecoder.decodeAll(ByteBuffer.wrap(relayed.body())).get(0);
        assertThat(sent.message().keys()).containsExactly("k2");
        assertThat(sent.queueOffset()).isEqualTo(1);
        assertThat(store.slicesHandedOut()).isPositive();
        assertThat(store.openSlices())
                .as("the record slice is released once copied")
                .isZero();
    }

    @Test
    void consumeDirectlyRefusesAMissingMessageOrAnOfflineClient() {
        long offset = store.putMessage(message("Orders", 0, null, null)).join().firstCommitLogOffset();
        String msgId = MessageId.encode(new InetSocketAddress("127.0.0.1", 10911), offset);
        String nowhere = MessageId.encode(new InetSocketAddress("127.0.0.1", 10911), offset + 7);

        RemotingCommand offline = processor.process(new FakeRequestContext(ours), consumeDirectly("nobody", msgId));
        RemotingCommand missing = processor.process(new FakeRequestContext(ours), consumeDirectly("nobody", nowhere));

        assertThat(offline.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(offline.remark()).isEqualTo("The Consumer <cg> <nobody> not online");
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(missing.remark()).startsWith("no message with id " + nowhere);
    }

    private RemotingCommand callLater(RemotingCommand request) {
        FakeRequestContext context = new FakeRequestContext(ours);
        assertThat(processor.process(context, request)).as("answered later").isNull();
        assertThat(context.answer()).isNotNull();
        return context.answer();
    }

    private void join(FakeRemotingChannel channel, String clientId) {
        SubscriptionData subscription = new SubscriptionData("Orders", "*", Set.of(), Set.of(), 1, "TAG", false);
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

    private static CompletableFuture<RemotingCommand> answered(RemotingCommand request, String body) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(body.getBytes(UTF_8))
                .build());
    }

    private static RemotingCommand status(String clientAddr) {
        return RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS)
                .header(new GetConsumerStatusRequestHeader("Orders", "cg", clientAddr))
                .build();
    }

    private static RemotingCommand consumeDirectly(String clientId, String msgId) {
        return RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY)
                .header(new ConsumeMessageDirectlyResultRequestHeader(
                        "cg", clientId, msgId, null, "Orders", null, null))
                .build();
    }
}
