package io.couriermq.admin.topic;

/** A topic's queues on one broker set, as the route lists them. */
public record TopicQueues(String brokerName, int readQueues, int writeQueues, int perm) {}
