package io.couriermq.console.data;

/** One message in a search result: its id (the unique key, else the offset id) and its offset id (names the broker). */
public record MessageRow(
        String msgId,
        String offsetMsgId,
        String topic,
        String tags,
        String keys,
        String brokerName,
        int queueId,
        long queueOffset,
        long storeTimeMs,
        int bodySize) {}
