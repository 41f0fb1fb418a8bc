package io.couriermq.console.data;

/** One queue's committed offset after a reset. */
public record OffsetChange(String topic, String brokerName, int queueId, long newOffset) {}
