package io.couriermq.broker.timer;

import java.util.Comparator;

/**
 * One parked message in the timing index.
 *
 * @param effectiveMs when the deliverer handles it: the due time, or the delivery cursor when the entry was
 *     indexed after its due time had passed (so it is never behind the cursor, and a restart finds it)
 * @param dueMs the time the producer asked for
 * @param commitLogOffset where the parked copy is stored
 * @param sizeBytes size of the parked record
 * @param topicHash hash of the destination topic, to list one topic's entries without reading records
 */
record TimerEntry(long effectiveMs, long dueMs, long commitLogOffset, int sizeBytes, int topicHash) {
    static final int BYTES = 8 + 8 + 8 + 4 + 4;

    /** Earliest first; entries due together in the order they were stored. */
    static final Comparator<TimerEntry> DELIVERY_ORDER =
            Comparator.comparingLong(TimerEntry::effectiveMs).thenComparingLong(TimerEntry::commitLogOffset);

    static int hashOf(String topic) {
        return topic.hashCode();
    }
}
