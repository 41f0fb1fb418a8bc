package io.couriermq.admin.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A group's progress over every queue it has offsets for (GET_CONSUME_STATS from every master). */
public record GroupProgress(String group, double consumeTps, List<QueueProgress> queues) {
    public GroupProgress {
        queues = List.copyOf(queues);
    }

    /** The sum of every queue's lag. */
    @JsonProperty("totalLag")
    public long totalLag() {
        return queues.stream().mapToLong(QueueProgress::lag).sum();
    }

    /** The total lag over the queues of one topic. */
    public long lagOf(String topic) {
        return queues.stream()
                .filter(queue -> queue.topic().equals(topic))
                .mapToLong(QueueProgress::lag)
                .sum();
    }
}
