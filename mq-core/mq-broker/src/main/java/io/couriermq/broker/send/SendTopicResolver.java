package io.couriermq.broker.send;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.broker.topic.TopicNames;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.header.broker.SendMessageRequestHeader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Decides where a send may go: the topic (auto-created from its template when allowed, a group's retry
 * topic created on demand) and the queue. Refusals carry the code the official producer expects, so it
 * retries another broker where that makes sense (TOPIC_NOT_EXIST, NO_PERMISSION) and gives up where it
 * does not (MESSAGE_ILLEGAL).
 */
public final class SendTopicResolver {
    private final Supplier<BrokerConfig> config;
    private final TopicConfigManager topics;

    public SendTopicResolver(BrokerConfig config, TopicConfigManager topics) {
        this(() -> config, topics);
    }

    /** @param config the broker's settings in force (brokerPermission may change at run time) */
    public SendTopicResolver(Supplier<BrokerConfig> config, TopicConfigManager topics) {
        this.config = config;
        this.topics = topics;
    }

    public TopicConfig topicFor(SendMessageRequestHeader header) {
        BrokerConfig config = this.config.get();
        if (!Permission.isWritable(config.brokerPermission())) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "the broker[" + config.brokerName() + "] sending message is forbidden");
        }
        String problem = TopicNames.problemWith(header.topic());
        if (problem != null) {
            // SYSTEM_ERROR as RocketMQ 5.2.0's msgCheck answers an invalid topic (its producer retries it elsewhere)
            throw new SendRejection(ResponseCode.SYSTEM_ERROR, problem);
        }
        TopicConfig topic = topics.find(header.topic()).orElseGet(() -> create(header));
        if (topic == null) {
            throw new SendRejection(
                    ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist, apply first please!");
        }
        if (!Permission.isWritable(topic.perm())) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "the topic[" + header.topic() + "] sending message is forbidden");
        }
        return topic;
    }

    /** The requested queue, or a random writable one when the producer left the choice to us. */
    public int queueFor(TopicConfig topic, int requestedQueueId) {
        if (requestedQueueId < 0) {
            return ThreadLocalRandom.current().nextInt(topic.writeQueueNums());
        }
        int queues = Math.max(topic.writeQueueNums(), topic.readQueueNums());
        if (requestedQueueId >= queues) {
            throw new SendRejection(
                    ResponseCode.SYSTEM_ERROR,
                    "queueId[" + requestedQueueId + "] is illegal, topic:[" + topic.topicName()
                            + "] topicConfig.writeQueueNums:[" + topic.writeQueueNums() + "]");
        }
        return requestedQueueId;
    }

    private TopicConfig create(SendMessageRequestHeader header) {
        if (TopicNames.isRetryTopic(header.topic())) {
            return topics.retryTopicOf(header.topic().substring(TopicNames.RETRY_PREFIX.length()));
        }
        if (!config.get().autoCreateTopicEnable() || header.defaultTopic() == null) {
            return null;
        }
        return topics.autoCreate(header.topic(), header.defaultTopic(), header.defaultTopicQueueNums())
                .orElse(null);
    }
}
