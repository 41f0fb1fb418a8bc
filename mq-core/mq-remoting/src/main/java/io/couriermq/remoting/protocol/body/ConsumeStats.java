package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * GET_CONSUME_STATS response: a group's progress per queue and its consume rate. The table is keyed by
 * {@link MessageQueue}, written in the string-key form (§3.0) and kept sorted like the client sorts queues.
 */
@JsonPropertyOrder({"consumeTps", "offsetTable"})
public record ConsumeStats(Map<MessageQueue, OffsetWrapper> offsetTable, double consumeTps) {

    public ConsumeStats {
        offsetTable = Copies.queueTable(offsetTable);
    }
}
