package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_MIN_OFFSET header: the queue whose smallest logical offset is asked for. */
public record GetMinOffsetRequestHeader(String topic, int queueId, String brokerName) implements CommandHeader {

    public static GetMinOffsetRequestHeader decode(HeaderFields fields) {
        return new GetMinOffsetRequestHeader(
                fields.requireString("topic"), fields.requireInt("queueId"), fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
