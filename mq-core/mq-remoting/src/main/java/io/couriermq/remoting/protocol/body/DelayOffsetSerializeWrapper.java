package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * GET_ALL_DELAY_OFFSET response, RocketMQ's {@code delayOffset.json}: per delay level (1-based) the
 * queue offset of the next parked message to deliver, and the table's version.
 *
 * @param cancelled CourierMQ's addition: commit-log offsets of parked messages an admin cancelled, so a
 *     slave does not deliver them after a failover. An official slave ignores the field.
 */
@JsonPropertyOrder({"cancelled", "dataVersion", "offsetTable"})
public record DelayOffsetSerializeWrapper(
        Map<Integer, Long> offsetTable,
        DataVersion dataVersion,
        @JsonDeserialize(as = LinkedHashSet.class) Set<Long> cancelled) {

    public DelayOffsetSerializeWrapper {
        offsetTable = Copies.orderedMap(offsetTable);
        cancelled = Copies.orderedSet(cancelled);
    }
}
