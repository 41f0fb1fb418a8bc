package io.couriermq.broker.retry;

import io.couriermq.broker.send.MessageDiversion;
import io.couriermq.broker.subscription.SubscriptionGroupManager;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.broker.topic.TopicNames;
import io.couriermq.common.message.Message;
import io.couriermq.common.message.MessageConst;
import io.couriermq.remoting.protocol.body.SubscriptionGroupConfig;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's own SEND to {@code %RETRY%<group>} (its fallback when CONSUMER_SEND_MSG_BACK failed, §6.6):
 * moved to {@code %DLQ%<group>} once the reconsume count the client sent passes the maximum (the
 * client's MAX_RECONSUME_TIMES, else the group's retryMaxTimes), or at once when the group consumes
 * orderly. Otherwise left as it is, so its DELAY takes it through the delay path.
 */
public final class RetryTopicSendDiversion implements MessageDiversion {
    private static final Logger log = LoggerFactory.getLogger(RetryTopicSendDiversion.class);

    private final SubscriptionGroupManager groups;
    private final TopicConfigManager topics;
    private final Predicate<String> consumesOrderly;

    /** @param consumesOrderly whether a group holds live orderly locks (RebalanceLockManager::hasLiveLocks) */
    public RetryTopicSendDiversion(
            SubscriptionGroupManager groups, TopicConfigManager topics, Predicate<String> consumesOrderly) {
        this.groups = groups;
        this.topics = topics;
        this.consumesOrderly = consumesOrderly;
    }

    @Override
    public Message divert(Message message) {
        if (!TopicNames.isRetryTopic(message.topic())) {
            return message;
        }
        String group = message.topic().substring(TopicNames.RETRY_PREFIX.length());
        int reconsumeTimes = Math.max(message.reconsumeTimes(), intProperty(message, MessageConst.RECONSUME_TIME, 0));
        int max = intProperty(message, MessageConst.MAX_RECONSUME_TIMES, groupMax(group));
        RetryDecision decision = RetryDecision.forRetrySend(reconsumeTimes, max, consumesOrderly.test(group));
        if (!decision.deadLetter()) {
            return message;
        }
        String deadLetters = topics.deadLetterTopicOf(group).topicName();
        log.info(
                "retry send of group {} goes to {} (reconsume times {}, max {})",
                group,
                deadLetters,
                reconsumeTimes,
                max);
        return RetryMessages.movedToDeadLetters(message, deadLetters);
    }

    private int groupMax(String group) {
        return groups.find(group)
                .map(SubscriptionGroupConfig::retryMaxTimes)
                .orElse(SubscriptionGroupConfig.DEFAULT_RETRY_MAX_TIMES);
    }

    private static int intProperty(Message message, String name, int fallback) {
        String text = message.property(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
