package io.couriermq.broker.admin;

import io.couriermq.broker.topic.TopicNames;
import java.util.Set;

/**
 * Topics the broker owns itself, which admin requests may neither create, change nor delete (the
 * official broker refuses them the same way, as {@code validateSystemTopicWhenUpdateTopic} does by
 * default): the auto-create template, the transaction, schedule and trace topics, and the
 * {@code rmq_sys_} family.
 */
public final class SystemTopics {
    private static final String SYSTEM_PREFIX = "rmq_sys_";
    private static final Set<String> NAMES = Set.of(
            TopicNames.AUTO_CREATE_TEMPLATE,
            TopicNames.SELF_TEST,
            TopicNames.OFFSET_MOVED_EVENT,
            "BenchmarkTest",
            "SCHEDULE_TOPIC_XXXX",
            "RMQ_SYS_TRANS_HALF_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC",
            "RMQ_SYS_TRACE_TOPIC");

    private SystemTopics() {}

    public static boolean isSystemTopic(String topic) {
        return NAMES.contains(topic) || topic.startsWith(SYSTEM_PREFIX);
    }
}
