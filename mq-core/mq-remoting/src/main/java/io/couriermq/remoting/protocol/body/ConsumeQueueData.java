package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One consume-queue entry in a QUERY_CONSUME_QUEUE answer, with RocketMQ 5.2.0's property names.
 *
 * @param physicOffset commit-log offset of the record
 * @param physicSize record size in bytes
 * @param tagsCode the tag hash filtering compares
 * @param extendDataJson the consume-queue extension unit as JSON (RocketMQ's CQ ext; null here)
 * @param bitMap the extension's filter bit map (null without an extension)
 * @param eval whether the group's filter matched the extension unit (false without one)
 * @param msg a note on the entry, e.g. a missing extension
 */
@JsonPropertyOrder({"bitMap", "eval", "extendDataJson", "msg", "physicOffset", "physicSize", "tagsCode"})
public record ConsumeQueueData(
        long physicOffset,
        int physicSize,
        long tagsCode,
        String extendDataJson,
        String bitMap,
        boolean eval,
        String msg) {

    /** A plain entry: no extension unit, nothing evaluated. */
    public static ConsumeQueueData of(long physicOffset, int physicSize, long tagsCode) {
        return new ConsumeQueueData(physicOffset, physicSize, tagsCode, null, null, false, null);
    }
}
