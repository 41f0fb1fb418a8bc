package io.couriermq.store;

/**
 * One consume-queue entry as stored (QUERY_CONSUME_QUEUE): where its record is in the commit log, its
 * size and the tag hash filtering compares.
 */
public record QueueEntry(long queueOffset, long commitLogOffset, int sizeBytes, long tagsHash) {}
