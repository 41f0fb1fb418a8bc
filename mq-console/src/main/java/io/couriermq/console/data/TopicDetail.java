package io.couriermq.console.data;

import java.util.List;

/**
 * A topic's page: its configuration (as the first master that has it reports it), its queues and the
 * consumer groups that consume it.
 */
public record TopicDetail(
        String name, int readQueues, int writeQueues, int perm, List<QueueRow> queues, List<String> groups) {

    public TopicDetail {
        queues = List.copyOf(queues);
        groups = List.copyOf(groups);
    }

    public long messageCount() {
        return queues.stream().mapToLong(QueueRow::messageCount).sum();
    }
}
