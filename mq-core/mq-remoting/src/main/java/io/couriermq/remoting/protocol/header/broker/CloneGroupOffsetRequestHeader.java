package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CLONE_GROUP_OFFSET header (mqadmin cloneGroupOffset): copy {@code srcGroup}'s committed offsets to
 * {@code destGroup}, on {@code topic} or, when it is empty, on every topic {@code srcGroup} has offsets
 * for. Unless {@code offline}, topics an online {@code srcGroup} no longer subscribes to are skipped.
 */
public record CloneGroupOffsetRequestHeader(String srcGroup, String destGroup, String topic, boolean offline)
        implements CommandHeader {

    public static CloneGroupOffsetRequestHeader decode(HeaderFields fields) {
        return new CloneGroupOffsetRequestHeader(
                fields.requireString("srcGroup"),
                fields.requireString("destGroup"),
                fields.optionalString("topic"),
                fields.booleanOr("offline", false));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("srcGroup", srcGroup);
        extFields.put("destGroup", destGroup);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "offline", offline);
    }
}
