package io.couriermq.console.data;

/**
 * A topic to create or update: on every master of {@code cluster} (blank: every master the NameServer
 * knows). {@code perm} is RocketMQ's permission bits (6 = read + write).
 */
public record TopicForm(String name, String cluster, int readQueues, int writeQueues, int perm) {

    public TopicForm {
        name = name == null ? "" : name.trim();
        cluster = cluster == null ? "" : cluster.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (!name.matches("[%|a-zA-Z0-9_-]{1,127}")) {
            throw new IllegalArgumentException(
                    "topic name '" + name + "' may hold only letters, digits, %, |, _ and - (at most 127)");
        }
        if (readQueues < 1 || writeQueues < 1 || readQueues > 1024 || writeQueues > 1024) {
            throw new IllegalArgumentException("queue counts must be between 1 and 1024");
        }
        if (perm < 0 || perm > 7) {
            throw new IllegalArgumentException("perm must be between 0 and 7 (2 = write, 4 = read, 6 = both)");
        }
    }
}
