package io.couriermq.broker.topic;

/** System topic names and the rules for valid topic names. */
public final class TopicNames {
    /** Template for auto-created topics: a producer's unknown topic is created in its image. */
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";

    public static final String SELF_TEST = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DLQ_PREFIX = "%DLQ%";

    private static final int MAX_LENGTH = 127;

    private TopicNames() {}

    public static String retryTopicOf(String group) {
        return RETRY_PREFIX + group;
    }

    public static String dlqTopicOf(String group) {
        return DLQ_PREFIX + group;
    }

    public static boolean isRetryTopic(String topic) {
        return topic.startsWith(RETRY_PREFIX);
    }

    /** Why {@code topic} is not a valid name, or null when it is. */
    public static String problemWith(String topic) {
        return ResourceNames.problemWith("topic", topic, MAX_LENGTH);
    }
}
