package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * DELETE_SUBSCRIPTIONGROUP header. {@code cleanOffset} (a primitive, always written) also drops the
 * group's stored consumer offsets.
 */
public record DeleteSubscriptionGroupRequestHeader(String groupName, boolean cleanOffset) implements CommandHeader {

    public static DeleteSubscriptionGroupRequestHeader decode(HeaderFields fields) {
        return new DeleteSubscriptionGroupRequestHeader(
                fields.requireString("groupName"), fields.booleanOr("cleanOffset", false));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("groupName", groupName);
        ExtFields.put(extFields, "cleanOffset", cleanOffset);
    }
}
