package io.couriermq.console.data;

/** What a topic is for, by RocketMQ's naming conventions. */
public enum TopicKind {
    NORMAL,
    RETRY,
    DLQ,
    SYSTEM;

    private static final java.util.Set<String> SYSTEM_TOPICS = java.util.Set.of(
            "TBW102",
            "SCHEDULE_TOPIC_XXXX",
            "RMQ_SYS_TRANS_HALF_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC",
            "rmq_sys_wheel_timer",
            "OFFSET_MOVED_EVENT",
            "SELF_TEST_TOPIC",
            "BenchmarkTest");

    public static TopicKind of(String topic) {
        if (topic.startsWith("%RETRY%")) {
            return RETRY;
        }
        if (topic.startsWith("%DLQ%")) {
            return DLQ;
        }
        if (SYSTEM_TOPICS.contains(topic)
                || topic.startsWith("rmq_sys_")
                || topic.startsWith("RMQ_SYS_")
                || topic.endsWith("_REPLY_TOPIC")) {
            return SYSTEM;
        }
        return NORMAL;
    }
}
