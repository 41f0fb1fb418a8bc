package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_EARLIEST_MSG_STORETIME response: store time (ms) of the queue's oldest message. */
public record GetEarliestMsgStoretimeResponseHeader(long timestamp) implements CommandHeader {

    public static GetEarliestMsgStoretimeResponseHeader decode(HeaderFields fields) {
        return new GetEarliestMsgStoretimeResponseHeader(fields.requireLong("timestamp"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "timestamp", timestamp);
    }
}
