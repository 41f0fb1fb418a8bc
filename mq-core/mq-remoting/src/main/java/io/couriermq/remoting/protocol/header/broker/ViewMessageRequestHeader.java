package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * VIEW_MESSAGE_BY_ID header: one message by the commit-log offset decoded from an offsetMsgId. {@code
 * topic} is sent by 5.3+ clients only.
 */
public record ViewMessageRequestHeader(long offset, String topic) implements CommandHeader {

    public static ViewMessageRequestHeader decode(HeaderFields fields) {
        return new ViewMessageRequestHeader(fields.requireLong("offset"), fields.optionalString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
        ExtFields.put(extFields, "topic", topic);
    }
}
