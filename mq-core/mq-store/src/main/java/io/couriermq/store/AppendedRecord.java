package io.couriermq.store;

/**
 * Where one message landed.
 *
 * @param commitLogOffset physical offset of the record (offsetMsgId is built from it)
 * @param queueOffset logical offset in its consume queue
 * @param sizeBytes record size
 * @param storeTimestampMs store time written into the record
 */
public record AppendedRecord(long commitLogOffset, long queueOffset, int sizeBytes, long storeTimestampMs) {}
