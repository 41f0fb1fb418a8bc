package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One queue's offset range and the store time of its newest message (0 when the queue is empty). */
@JsonPropertyOrder({"lastUpdateTimestamp", "maxOffset", "minOffset"})
public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {}
