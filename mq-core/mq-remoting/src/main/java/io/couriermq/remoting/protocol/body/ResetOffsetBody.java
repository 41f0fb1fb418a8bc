package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** RESET_CONSUMER_CLIENT_OFFSET body (broker to client): the offset each queue restarts from. */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {

    public ResetOffsetBody {
        offsetTable = Copies.queueTable(offsetTable);
    }
}
