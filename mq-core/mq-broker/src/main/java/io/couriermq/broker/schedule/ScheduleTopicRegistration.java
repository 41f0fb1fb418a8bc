package io.couriermq.broker.schedule;

import io.couriermq.broker.config.DelayLevels;
import io.couriermq.broker.topic.TopicConfigManager;
import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.TopicConfig;
import java.util.Map;

/** Makes sure the schedule topic exists with one queue per configured delay level. */
public final class ScheduleTopicRegistration {
    private ScheduleTopicRegistration() {}

    public static void ensure(TopicConfigManager topics, DelayLevels levels) {
        int queues = levels.count();
        boolean enough = topics.find(ScheduleTopic.NAME)
                .map(topic -> topic.readQueueNums() >= queues && topic.writeQueueNums() >= queues)
                .orElse(false);
        if (!enough) {
            topics.createOrUpdate(new TopicConfig(
                    ScheduleTopic.NAME, queues, queues, Permission.READ_WRITE, "SINGLE_TAG", 0, false, Map.of()));
        }
    }
}
