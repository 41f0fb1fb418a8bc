package io.couriermq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.send.SendRejection;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.message.MessageSysFlag;
import io.couriermq.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DelayLevelDiversionTest {
    private final DelayLevelDiversion diversion = new DelayLevelDiversion(DelayLevels.DEFAULT);

    @Test
    void aDelayedMessageIsParkedInItsLevelsQueueWithItsRealTopicAndQueue() {
        Message parked = diversion.divert(message("Orders", 3, Map.of(MessageConst.DELAY_TIME_LEVEL, "2")));

        assertThat(parked.topic()).isEqualTo("SCHEDULE_TOPIC_XXXX");
        assertThat(parked.queueId()).isEqualTo(1);
        assertThat(parked.properties())
                .containsEntry(MessageConst.REAL_TOPIC, "Orders")
                .containsEntry(MessageConst.REAL_QUEUE_ID, "3")
                .containsEntry(MessageConst.DELAY_TIME_LEVEL, "2")
                .containsEntry(MessageConst.TAGS, "TagA");
        assertThat(parked.bodyBytes()).isEqualTo("body".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLevelAboveTheHighestIsClamped() {
        Message parked = diversion.divert(message("Orders", 0, Map.of(MessageConst.DELAY_TIME_LEVEL, "40")));

        assertThat(parked.queueId()).isEqualTo(17);
        assertThat(parked.property(MessageConst.DELAY_TIME_LEVEL)).isEqualTo("18");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", " "})
    void noPositiveLevelMeansNoDelay(String level) {
        Message message = message("Orders", 0, Map.of(MessageConst.DELAY_TIME_LEVEL, level));

        assertThat(diversion.divert(message)).isSameAs(message);
    }

    @Test
    void messagesWithoutDelayAndHalfMessagesAreLeftAlone() {
        Message plain = message("Orders", 0, Map.of());
        Message half = message("Orders", 0, Map.of(MessageConst.DELAY_TIME_LEVEL, "2")).toBuilder()
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                .build();

        assertThat(diversion.divert(plain)).isSameAs(plain);
        assertThat(diversion.divert(half)).isSameAs(half);
    }

    @Test
    void aLevelThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> diversion.divert(message("Orders", 0, Map.of(MessageConst.DELAY_TIME_LEVEL, "two"))))
                .isInstanceOfSatisfying(
                        SendRejection.class, e -> assertThat(e.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL))
                .hasMessageContaining("DELAY")
                .hasMessageContaining("two");
    }

    static Message message(String topic, int queueId, Map<String, String> properties) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(properties);
        all.put(MessageConst.TAGS, "TagA");
        return Message.builder(topic, queueId)
                .body("body".getBytes(StandardCharsets.UTF_8))
                .properties(all)
                .build();
    }
}
