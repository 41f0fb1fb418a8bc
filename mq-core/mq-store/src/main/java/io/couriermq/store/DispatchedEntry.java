package io.couriermq.store;

/**
 * A record that the dispatcher has just made visible in its consume queue: what long polling needs to
 * decide whether a held pull can now be answered.
 *
 * @param topic topic
 * @param queueId queue id
 * @param queueOffset logical offset of the entry; the queue's max offset is now {@code queueOffset + 1}
 * @param commitLogOffset physical offset of the record
 * @param sizeBytes record size
 * @param tagsHash hash of the TAGS property (0 without)
 * @param storeTimestampMs store time of the record
 */
public record DispatchedEntry(
        String topic,
        int queueId,
        long queueOffset,
        long commitLogOffset,
        int sizeBytes,
        long tagsHash,
        long storeTimestampMs) {}
