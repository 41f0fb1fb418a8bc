package io.couriermq.broker.admin;

import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.TopicConfig;
import java.util.Optional;

/**
 * Checks that a request names a topic of this broker and one of its queues, and words the refusal when
 * it does not: TOPIC_NOT_EXIST for an unknown topic, SYSTEM_ERROR naming topic and queue for a queue id
 * the topic does not have. A queue exists when it is below the larger of the read and write counts.
 */
public final class QueueLookup {
    private final TopicConfigManager topics;

    public QueueLookup(TopicConfigManager topics) {
        this.topics = topics;
    }

    /** The response refusing the request, or empty when the topic has the queue. */
    public Optional<RemotingCommand> refuse(RemotingCommand request, String topic, int queueId) {
        Optional<TopicConfig> config = topics.find(topic);
        if (config.isEmpty()) {
            return Optional.of(topicNotExist(request, topic));
        }
        int queueCount = Math.max(config.get().readQueueNums(), config.get().writeQueueNums());
        if (queueId < 0 || queueId >= queueCount) {
            return Optional.of(systemError(
                    request,
                    "topic " + topic + " has no queue " + queueId + " on this broker: its queue ids are 0.."
                            + (queueCount - 1)));
        }
        return Optional.empty();
    }

    public static RemotingCommand topicNotExist(RemotingCommand request, String topic) {
        return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST)
                .remark("topic " + topic + " does not exist on this broker")
                .build();
    }

    public static RemotingCommand systemError(RemotingCommand request, String remark) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR)
                .remark(remark)
                .build();
    }
}
