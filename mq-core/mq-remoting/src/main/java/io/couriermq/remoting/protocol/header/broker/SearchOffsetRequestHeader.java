package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** SEARCH_OFFSET_BY_TIMESTAMP header. {@code boundaryType} is 5.x; absent is decoded as LOWER. */
public record SearchOffsetRequestHeader(
        String topic, int queueId, long timestamp, BoundaryType boundaryType, String brokerName)
        implements CommandHeader {

    public SearchOffsetRequestHeader {
        boundaryType = boundaryType == null ? BoundaryType.LOWER : boundaryType;
    }

    public static SearchOffsetRequestHeader decode(HeaderFields fields) {
        return new SearchOffsetRequestHeader(
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.requireLong("timestamp"),
                BoundaryType.parse("boundaryType", fields.optionalString("boundaryType")),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "timestamp", timestamp);
        ExtFields.put(extFields, "boundaryType", boundaryType.name());
        ExtFields.put(extFields, "bname", brokerName);
    }
}
