package io.couriermq.admin.topic;

/**
 * What to create or update: queue counts per broker, permission bits (2 write, 4 read, 6 both) and
 * whether the topic is ordered.
 */
public record TopicSpec(String topic, int readQueues, int writeQueues, int perm, boolean order) {
    public static final int PERM_READ_WRITE = 6;

    public TopicSpec {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a topic name is needed");
        }
        if (readQueues < 1 || writeQueues < 1) {
            throw new IllegalArgumentException(
                    "queue counts must be at least 1: read " + readQueues + ", write " + writeQueues);
        }
        if ((perm & ~(2 | 4 | 1)) != 0) {
            throw new IllegalArgumentException("perm must combine 2 (write), 4 (read) and 1 (inherit): " + perm);
        }
    }

    /** A readable and writable topic with {@code queues} read and write queues per broker. */
    public static TopicSpec of(String topic, int queues) {
        return new TopicSpec(topic, queues, queues, PERM_READ_WRITE, false);
    }
}
