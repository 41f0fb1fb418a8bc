package io.couriermq.broker.schedule;

/**
 * The system topic delayed messages wait in ({@value #NAME}): queue {@code level - 1} holds the
 * messages of one delay level, so each queue is in due-time order and its head is the next one due.
 */
public final class ScheduleTopic {
    public static final String NAME = "SCHEDULE_TOPIC_XXXX";

    private ScheduleTopic() {}

    public static int queueIdOf(int level) {
        return level - 1;
    }

    public static int levelOf(int queueId) {
        return queueId + 1;
    }
}
