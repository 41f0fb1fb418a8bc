package io.couriermq.broker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.client.FakeRemotingChannel;
import io.couriermq.broker.client.FakeRequestContext;
import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.schedule.DelayLevelDiversion;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.StoredMessage;
import io.couriermq.common.message.codec.MessageDecoder;
import io.couriermq.common.message.codec.MessageId;
import io.couriermq.common.time.ManualClock;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.memory.InMemoryMessageStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerSendBackProcessorTest {
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path configDir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock, 1 << 20);
    private TopicConfigManager topics;
    private ConsumerSendBackProcessor processor;

    @BeforeEach
    void setUp() {
        topics = new TopicConfigManager(AdminFixtures.config(), configDir, clock);
        SubscriptionGroupManager groups = new SubscriptionGroupManager(AdminFixtures.config(), configDir, clock);
        processor = new ConsumerSendBackProcessor(groups, topics, store, new DelayLevelDiversion(DelayLevels.DEFAULT));
    }

    @Test
    void aFirstFailureGoesToTheRetryTopicThroughLevelThree() {
        AppendedRecord original = store("Orders", 0);

        assertThat(sendBack(original.commitLogOffset(), 0, null).code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(topics.find("%RETRY%cg")).isPresent();
        StoredMessage parked = only("SCHEDULE_TOPIC_XXXX", 2);
        Message retry = parked.message();
        assertThat(retry.properties())
                .containsEntry(MessageConst.REAL_TOPIC, "%RETRY%cg")
                .containsEntry(MessageConst.REAL_QUEUE_ID, "0")
                .containsEntry(MessageConst.DELAY_TIME_LEVEL, "3")
                .containsEntry(MessageConst.RETRY_TOPIC, "Orders")
                .containsEntry(MessageConst.ORIGIN_MESSAGE_ID, MessageId.encode(STORE_HOST, original.commitLogOffset()))
                .containsEntry(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "UNIQ-1");
        assertThat(retry.reconsumeTimes()).isEqualTo(1);
        assertThat(retry.bodyBytes()).isEqualTo("payload".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLevelTheClientAsksForIsKeptAndTheFirstIdsAndTopicSurviveLaterRetries() {
        AppendedRecord original = store(
                "%RETRY%cg", 1, Map.of(MessageConst.RETRY_TOPIC, "Orders", MessageConst.ORIGIN_MESSAGE_ID, "FIRST-ID"));

        sendBack(original.commitLogOffset(), 1, 16);

        Message retry = only("SCHEDULE_TOPIC_XXXX", 0).message();
        assertThat(retry.properties())
                .containsEntry(MessageConst.RETRY_TOPIC, "Orders")
                .containsEntry(MessageConst.ORIGIN_MESSAGE_ID, "FIRST-ID");
        assertThat(retry.reconsumeTimes()).isEqualTo(2);
    }

    @Test
    void pastTheMaximumTheMessageGoesToTheGroupsDeadLetterTopicWithItsOriginalTopic() {
        AppendedRecord original = store("%RETRY%cg", 2, Map.of(MessageConst.RETRY_TOPIC, "Orders"));

        assertThat(sendBack(original.commitLogOffset(), 1, 2).code()).isEqualTo(ResponseCode.SUCCESS.code());

        assertThat(topics.find("%DLQ%cg"))
                .hasValueSatisfying(t -> assertThat(t.readQueueNums()).isEqualTo(1));
        Message deadLetter = only("%DLQ%cg", 0).message();
        assertThat(deadLetter.properties())
                .containsEntry(MessageConst.RETRY_TOPIC, "Orders")
                .doesNotContainKey(MessageConst.DELAY_TIME_LEVEL);
        assertThat(store.maxOffset("SCHEDULE_TOPIC_XXXX", 0)).isZero();
    }

    @Test
    void theGroupsMaximumAppliesWhenTheClientSendsNoneAndLevelMinusOneMeansDeadLetterAtOnce() {
        AppendedRecord tired = store("Orders", 16);
        AppendedRecord fresh = store("Orders", 0);

        sendBack(tired.commitLogOffset(), 0, null);
        sendBack(fresh.commitLogOffset(), -1, 16);

        assertThat(store.maxOffset("%DLQ%cg", 0)).isEqualTo(2);
    }

    @Test
    void anOffsetWithoutAMessageIsASystemError() {
        store("Orders", 0);

        RemotingCommand answer = sendBack(12_345, 0, null);

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(answer.remark()).contains("12345");
    }

    private RemotingCommand sendBack(long offset, int delayLevel, Integer max) {
        RemotingCommand request = AdminFixtures.request(
                RequestCode.CONSUMER_SEND_MSG_BACK,
                new ConsumerSendMsgBackRequestHeader(offset, "cg", delayLevel, null, null, false, max, "broker-a"));
        FakeRequestContext context = new FakeRequestContext(new FakeRemotingChannel("10.0.0.9:5000"));
        RemotingCommand direct = processor.process(context, request);
        return direct != null ? direct : context.answer();
    }

    private AppendedRecord store(String topic, int reconsumeTimes) {
        return store(topic, reconsumeTimes, Map.of());
    }

    private AppendedRecord store(String topic, int reconsumeTimes, Map<String, String> extra) {
        Message message = Message.builder(topic, 0)
                .body("payload".getBytes(StandardCharsets.UTF_8))
                .property(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "UNIQ-1")
                .properties(merged(extra))
                .storeHost(STORE_HOST)
                .reconsumeTimes(reconsumeTimes)
                .build();
        return store.putMessage(message).join().records().get(0);
    }

    private static Map<String, String> merged(Map<String, String> extra) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(extra);
        all.put(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "UNIQ-1");
        return all;
    }

    private StoredMessage only(String topic, int queueId) {
        try (GetResult result = store.getMessages(topic, queueId, 0, 10, MessageFilter.ALL)) {
            List<StoredMessage> messages = result.records().stream()
                    .map(slice -> MessageDecoder.decode(slice.buffer(), 0))
                    .toList();
            assertThat(messages).hasSize(1);
            return messages.get(0);
        }
    }
}
