package io.couriermq.admin.topic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One queue's offsets (GET_TOPIC_STATS_INFO) and when a message was last stored in it (0 = never). */
public record QueueStatus(String brokerName, int queueId, long minOffset, long maxOffset, long lastUpdateTimestampMs) {
    /** Messages still stored in the queue. */
    @JsonProperty("messages")
    public long messages() {
        return maxOffset - minOffset;
    }
}
