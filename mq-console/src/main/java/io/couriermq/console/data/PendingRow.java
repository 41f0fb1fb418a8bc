package io.couriermq.console.data;

/** A delayed or timed message not delivered yet: which scheduler holds it and when it is due. */
public record PendingRow(String msgId, String topic, String scheduler, long dueTimeMs, String keys, String tags) {}
