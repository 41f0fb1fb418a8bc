package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A group's progress on one queue: the queue's max offset, the committed offset (0 if none), the
 * furthest pulled offset (5.x) and the store time of the last consumed message (0 if unknown).
 */
@JsonPropertyOrder({"brokerOffset", "consumerOffset", "lastTimestamp", "pullOffset"})
public record OffsetWrapper(long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp) {}
