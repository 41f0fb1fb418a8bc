package io.couriermq.admin.topic;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every queue of a topic with its offsets, ordered by broker and queue. */
public record TopicStatus(String topic, List<QueueStatus> queues) {
    public TopicStatus {
        queues = List.copyOf(queues);
    }

    /** The sum of every queue's max offset: the messages ever stored in the topic. */
    @JsonProperty("totalMaxOffset")
    public long totalMaxOffset() {
        return queues.stream().mapToLong(QueueStatus::maxOffset).sum();
    }
}
