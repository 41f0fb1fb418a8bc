package io.couriermq.admin.group;

/** A queue and an offset in it, e.g. where a reset moved a group to. */
public record QueueOffset(String topic, String brokerName, int queueId, long offset) {}
