package io.couriermq.console.data;

/** One topic in the topic list: its kind (normal, retry, dlq, system), queue count and stored messages. */
public record TopicRow(String name, TopicKind kind, int queueCount, long messageCount) {}
