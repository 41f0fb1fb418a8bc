package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * QUERY_MESSAGE header: messages of a topic by key (or by UNIQ_KEY) within a store-time range.
 *
 * <p>{@code uniqueKeyQuery} is not a field of the official class: the client always adds the ext key
 * {@link #EXT_UNIQUE_KEY_QUERY} ("true" = look {@code key} up as a UNIQ_KEY), so it travels here.
 */
public record QueryMessageRequestHeader(
        String topic, String key, int maxNum, long beginTimestamp, long endTimestamp, boolean uniqueKeyQuery)
        implements CommandHeader {

    public static final String EXT_UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    public static QueryMessageRequestHeader decode(HeaderFields fields) {
        return new QueryMessageRequestHeader(
                fields.requireString("topic"),
                fields.requireString("key"),
                fields.requireInt("maxNum"),
                fields.requireLong("beginTimestamp"),
                fields.requireLong("endTimestamp"),
                fields.booleanOr(EXT_UNIQUE_KEY_QUERY, false));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        extFields.put("key", key);
        ExtFields.put(extFields, "maxNum", maxNum);
        ExtFields.put(extFields, "beginTimestamp", beginTimestamp);
        ExtFields.put(extFields, "endTimestamp", endTimestamp);
        ExtFields.put(extFields, EXT_UNIQUE_KEY_QUERY, uniqueKeyQuery);
    }
}
