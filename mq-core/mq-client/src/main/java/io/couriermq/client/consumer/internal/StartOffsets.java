package io.couriermq.client.consumer.internal;

import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.function.LongSupplier;

/**
 * Where consumption of a newly assigned queue starts (remoting-protocol §6.5 step 4): the offset held in
 * memory or stored when there is one; otherwise by {@link ConsumeFromWhere} — the end of the queue (but the beginning of
 * the group's retry queue, whose messages are all owed to the group), the beginning, or the first
 * message stored at the configured time. The deprecated values map to their modern meaning.
 */
public final class StartOffsets {
    private static final String RETRY_PREFIX = "%RETRY%";

    private final OffsetStore offsets;
    private final ConsumerRequests requests;
    private final ConsumeFromWhere where;
    private final LongSupplier timestampMs;

    public StartOffsets(
            OffsetStore offsets, ConsumerRequests requests, ConsumeFromWhere where, LongSupplier timestampMs) {
        this.offsets = offsets;
        this.requests = requests;
        this.where = where;
        this.timestampMs = timestampMs;
    }

    /** The offset to pull {@code queue} from; fails with a ClientException when a broker cannot tell. */
    public long of(MessageQueue queue) {
        // set in memory only when a pull found the offset out of range and the queue restarts
        long known = offsets.readMemory(queue);
        if (known >= 0) {
            return known;
        }
        long stored = offsets.readStored(queue);
        if (stored >= 0) {
            return stored;
        }
        boolean retryQueue = queue.topic().startsWith(RETRY_PREFIX);
        return switch (where) {
            case CONSUME_FROM_FIRST_OFFSET, CONSUME_FROM_MIN_OFFSET -> 0;
            case CONSUME_FROM_TIMESTAMP ->
                retryQueue ? requests.maxOffset(queue) : requests.searchOffset(queue, timestampMs.getAsLong());
            case CONSUME_FROM_LAST_OFFSET,
                    CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
                    CONSUME_FROM_MAX_OFFSET -> retryQueue ? 0 : requests.maxOffset(queue);
        };
    }

    public static boolean isRetryTopic(String topic) {
        return topic.startsWith(RETRY_PREFIX);
    }

    public static String retryTopicOf(String group) {
        return RETRY_PREFIX + group;
    }
}
