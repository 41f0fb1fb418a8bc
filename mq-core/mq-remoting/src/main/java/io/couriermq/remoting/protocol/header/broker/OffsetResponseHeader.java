package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * The one-field {@code offset} response shared by QUERY_CONSUMER_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP,
 * GET_MAX_OFFSET and GET_MIN_OFFSET (four official classes with the same single field).
 */
public record OffsetResponseHeader(long offset) implements CommandHeader {

    public static OffsetResponseHeader decode(HeaderFields fields) {
        return new OffsetResponseHeader(fields.requireLong("offset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
    }
}
