package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * Reset of a group's offsets to a point in time: RESET_CONSUMER_CLIENT_OFFSET (broker to client, with a
 * ResetOffsetBody) and INVOKE_BROKER_TO_RESET_OFFSET (admin to broker). {@code queueId} (-1 = every
 * queue) and {@code offset} are 5.x. The wire key of the force flag is {@code isForce}, the official
 * field name.
 */
public record ResetOffsetRequestHeader(
        String topic, String group, int queueId, Long offset, long timestamp, boolean force) implements CommandHeader {

    /** {@code queueId} meaning "all queues of the topic". */
    public static final int ALL_QUEUES = -1;

    public static ResetOffsetRequestHeader decode(HeaderFields fields) {
        return new ResetOffsetRequestHeader(
                fields.requireString("topic"),
                fields.requireString("group"),
                fields.intOr("queueId", ALL_QUEUES),
                fields.optionalLong("offset"),
                fields.requireLong("timestamp"),
                fields.requireBoolean("isForce"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        extFields.put("group", group);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "offset", offset);
        ExtFields.put(extFields, "timestamp", timestamp);
        ExtFields.put(extFields, "isForce", force);
    }
}
