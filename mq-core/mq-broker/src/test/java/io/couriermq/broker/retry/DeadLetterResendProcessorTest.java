package io.couriermq.broker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
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
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.store.AppendedRecord;
import io.couriermq.store.GetResult;
import io.couriermq.store.MessageFilter;
import io.couriermq.store.memory.InMemoryMessageStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterResendProcessorTest {
    private static final InetSocketAddress STORE_HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path configDir;

    private final ManualClock clock = new ManualClock(1_000);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock, 1 << 20);
    private DeadLetterResendProcessor processor;

    @BeforeEach
    void setUp() {
        TopicConfigManager topics = new TopicConfigManager(AdminFixtures.config(), configDir, clock);
        topics.createOrUpdate(new TopicConfig("Orders", 1, 1, 6, "SINGLE_TAG", 0, false, Map.of()));
        topics.deadLetterTopicOf("cg");
        processor = new DeadLetterResendProcessor(topics, store);
    }

    @Test
    void oneDeadLetterGoesBackToItsOriginalTopicWithReconsumeTimesReset() {
        AppendedRecord deadLetter = deadLetter("k1", "Orders");

        RemotingCommand answer = processor.process(
                null,
                RemotingCommand.request(RequestCode.RESEND_DEAD_LETTER)
                        .extField("msgId", MessageId.encode(STORE_HOST, deadLetter.commitLogOffset()))
                        .build());

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"resent\":1");
        Message resent = read("Orders").get(0).message();
        assertThat(resent.reconsumeTimes()).isZero();
        assertThat(resent.properties())
                .containsEntry(MessageConst.KEYS, "k1")
                .containsEntry(MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "UNIQ-k1")
                .containsEntry(MessageConst.DLQ_ORIGIN_TOPIC, "%DLQ%cg")
                .doesNotContainKeys(MessageConst.RETRY_TOPIC, MessageConst.DELAY_TIME_LEVEL);
        assertThat(read("%DLQ%cg")).as("the dead letter stays").hasSize(1);
    }

    @Test
    void aRangeOfTheDeadLetterQueueIsResentAndWhatCannotBeIsReported() {
        deadLetter("k0", "Orders");
        deadLetter("k1", "Vanished");
        deadLetter("k2", "Orders");
        deadLetter("k3", "Orders");

        RemotingCommand answer = processor.process(
                null,
                RemotingCommand.request(RequestCode.RESEND_DEAD_LETTERS_IN_RANGE)
                        .extField("group", "cg")
                        .extField("beginOffset", "0")
                        .extField("endOffset", "3")
                        .build());

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS.code());
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("\"resent\":2")
                .contains("Vanished does not exist");
        assertThat(read("Orders"))
                .extracting(m -> m.message().property(MessageConst.KEYS))
                .containsExactly("k0", "k2");
    }

    @Test
    void anIdThatIsNoDeadLetterIsRefused() {
        AppendedRecord plain = store.putMessage(Message.builder("Orders", 0)
                        .body(new byte[] {1})
                        .storeHost(STORE_HOST)
                        .build())
                .join()
                .records()
                .get(0);

        RemotingCommand answer = processor.process(
                null,
                RemotingCommand.request(RequestCode.RESEND_DEAD_LETTER)
                        .extField("msgId", MessageId.encode(STORE_HOST, plain.commitLogOffset()))
                        .build());

        assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR.code());
        assertThat(answer.remark()).contains("not a dead letter");
    }

    private AppendedRecord deadLetter(String key, String originalTopic) {
        Message message = Message.builder("%DLQ%cg", 0)
                .body(("body " + key).getBytes(StandardCharsets.UTF_8))
                .properties(Map.of(
                        MessageConst.KEYS, key,
                        MessageConst.UNIQUE_CLIENT_MESSAGE_ID_KEY, "UNIQ-" + key,
                        MessageConst.RETRY_TOPIC, originalTopic))
                .storeHost(STORE_HOST)
                .reconsumeTimes(3)
                .build();
        return store.putMessage(message).join().records().get(0);
    }

    private List<StoredMessage> read(String topic) {
        List<StoredMessage> messages = new ArrayList<>();
        try (GetResult result = store.getMessages(topic, 0, 0, 100, MessageFilter.ALL)) {
            result.records().forEach(slice -> messages.add(MessageDecoder.decode(slice.buffer(), 0)));
        }
        return messages;
    }
}
