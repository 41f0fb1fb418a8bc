package io.couriermq.broker.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.broker.admin.AdminFixtures;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.time.ManualClock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's own SEND to its retry topic (§6.6, second row). */
class RetryTopicSendDiversionTest {
    @TempDir
    Path configDir;

    private TopicConfigManager topics;
    private RetryTopicSendDiversion diversion;

    @BeforeEach
    void setUp() {
        ManualClock clock = new ManualClock(1_000);
        topics = new TopicConfigManager(AdminFixtures.config(), configDir, clock);
        SubscriptionGroupManager groups = new SubscriptionGroupManager(AdminFixtures.config(), configDir, clock);
        diversion = new RetryTopicSendDiversion(groups, topics, Set.of("orderly-group")::contains);
    }

    @Test
    void aRetryWithinTheMaximumIsLeftForTheDelayPath() {
        Message retry = retry("cg", 2, "16");

        assertThat(diversion.divert(retry)).isSameAs(retry);
    }

    @Test
    void aRetryPastTheMaximumTheClientSentGoesToTheDeadLetterTopicWithoutDelay() {
        Message moved = diversion.divert(retry("cg", 3, "2"));

        assertThat(moved.topic()).isEqualTo("%DLQ%cg");
        assertThat(moved.queueId()).isZero();
        assertThat(moved.properties())
                .containsEntry(MessageConst.RETRY_TOPIC, "Orders")
                .doesNotContainKey(MessageConst.DELAY_TIME_LEVEL);
        assertThat(topics.find("%DLQ%cg")).isPresent();
    }

    @Test
    void withoutTheClientsMaximumTheGroupsSixteenApplies() {
        assertThat(diversion.divert(retry("cg", 16, null)).topic()).isEqualTo("%RETRY%cg");
        assertThat(diversion.divert(retry("cg", 17, null)).topic()).isEqualTo("%DLQ%cg");
    }

    @Test
    void aGroupConsumingOrderlyGetsNoRetryTopicMessages() {
        assertThat(diversion.divert(retry("orderly-group", 1, "16")).topic()).isEqualTo("%DLQ%orderly-group");
    }

    @Test
    void otherTopicsAreLeftAlone() {
        Message plain = Message.builder("Orders", 1).body(new byte[] {1}).build();

        assertThat(diversion.divert(plain)).isSameAs(plain);
    }

    private static Message retry(String group, int reconsumeTimes, String max) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put(MessageConst.RETRY_TOPIC, "Orders");
        properties.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(3 + reconsumeTimes - 1));
        properties.put(MessageConst.RECONSUME_TIME, Integer.toString(reconsumeTimes));
        if (max != null) {
            properties.put(MessageConst.MAX_RECONSUME_TIMES, max);
        }
        return Message.builder("%RETRY%" + group, 0)
                .body(new byte[] {1})
                .properties(properties)
                .reconsumeTimes(reconsumeTimes)
                .build();
    }
}
