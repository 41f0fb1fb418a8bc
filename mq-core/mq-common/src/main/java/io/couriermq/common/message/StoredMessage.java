package io.couriermq.common.message;

/**
 * A message as read back from the store: the message plus what the store assigned to it.
 *
 * @param message the message; its sysFlag is the stored one (host IPv6 bits included)
 * @param queueOffset logical offset in its consume queue
 * @param commitLogOffset physical offset of the record in the commit log
 * @param storeTimestampMs broker store time
 * @param storeSizeBytes size of the whole record
 * @param bodyCrc the CRC stored in the record
 */
public record StoredMessage(
        Message message,
        long queueOffset,
        long commitLogOffset,
        long storeTimestampMs,
        int storeSizeBytes,
        int bodyCrc) {}
