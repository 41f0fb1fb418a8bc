package io.couriermq.admin.group;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One queue of a group's progress: the broker's max offset, the group's committed offset, the lag
 * between them and when the last committed message was stored (0 = unknown).
 */
public record QueueProgress(
        String topic, String brokerName, int queueId, long brokerOffset, long consumerOffset, long lastTimestampMs) {

    /** Messages not yet consumed; a queue never committed to counts whole. */
    @JsonProperty("lag")
    public long lag() {
        return Math.max(0, brokerOffset - Math.max(0, consumerOffset));
    }
}
