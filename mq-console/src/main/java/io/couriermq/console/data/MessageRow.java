package io.couriermq.console.data;

/** One message in a search result. */
public record MessageRow(
        String msgId,
        String topic,
        String tags,
        String keys,
        String brokerName,
        int queueId,
        long queueOffset,
        long storeTimeMs,
        int bodySize) {}
