package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** QUERY_MESSAGE response: how fresh the broker's message index was when it answered. */
public record QueryMessageResponseHeader(long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset)
        implements CommandHeader {

    public static QueryMessageResponseHeader decode(HeaderFields fields) {
        return new QueryMessageResponseHeader(
                fields.requireLong("indexLastUpdateTimestamp"), fields.requireLong("indexLastUpdatePhyoffset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "indexLastUpdateTimestamp", indexLastUpdateTimestamp);
        ExtFields.put(extFields, "indexLastUpdatePhyoffset", indexLastUpdatePhyoffset);
    }
}
