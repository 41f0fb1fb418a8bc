package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_EARLIEST_MSG_STORETIME header: the queue whose oldest message's store time is asked for. */
public record GetEarliestMsgStoretimeRequestHeader(String topic, int queueId) implements CommandHeader {

    public static GetEarliestMsgStoretimeRequestHeader decode(HeaderFields fields) {
        return new GetEarliestMsgStoretimeRequestHeader(fields.requireString("topic"), fields.requireInt("queueId"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
    }
}
