package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.RemotingCommandException;

/**
 * Which side of a timestamp SEARCH_OFFSET_BY_TIMESTAMP answers: LOWER = earliest offset stored at or
 * after it, UPPER = latest stored at or before it.
 */
public enum BoundaryType {
    LOWER,
    UPPER;

    /** Case-insensitive, as the official decoder; absent means LOWER (what 4.9 brokers always did). */
    static BoundaryType parse(String field, String value) {
        if (value == null) {
            return LOWER;
        }
        for (BoundaryType type : values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new RemotingCommandException(
                "the header field '" + field + "' must be LOWER or UPPER, was '" + value + "'");
    }
}
