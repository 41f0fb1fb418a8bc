package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * GET_MAX_OFFSET header. {@code committed} (5.x) asks for the max offset already dispatched to the
 * consume queue rather than one still in flight; it is a primitive defaulting to true in the official
 * class, and 4.9 clients (which do not send it) get that same committed answer.
 */
public record GetMaxOffsetRequestHeader(String topic, int queueId, boolean committed, String brokerName)
        implements CommandHeader {

    public static GetMaxOffsetRequestHeader decode(HeaderFields fields) {
        return new GetMaxOffsetRequestHeader(
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.booleanOr("committed", true),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "committed", committed);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
