package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * Response header of PULL_MESSAGE / LITE_PULL_MESSAGE. It must accompany SUCCESS, PULL_NOT_FOUND,
 * PULL_RETRY_IMMEDIATELY and PULL_OFFSET_MOVED: the client unboxes the four offsets into primitives.
 * {@code offsetDelta} is for static topics and shifts every message's queue offset on the client, so
 * leave it null; the sys flags and {@code forbiddenType} are informational 5.x extras.
 */
public record PullMessageResponseHeader(
        long suggestWhichBrokerId,
        long nextBeginOffset,
        long minOffset,
        long maxOffset,
        Long offsetDelta,
        Integer topicSysFlag,
        Integer groupSysFlag,
        Integer forbiddenType)
        implements CommandHeader {

    /** The usual response: read from the master, no 5.x extras. */
    public static PullMessageResponseHeader of(long nextBeginOffset, long minOffset, long maxOffset) {
        return of(0L, nextBeginOffset, minOffset, maxOffset);
    }

    /** With the broker id the consumer should pull this queue from next (0 = master). */
    public static PullMessageResponseHeader of(
            long suggestWhichBrokerId, long nextBeginOffset, long minOffset, long maxOffset) {
        return new PullMessageResponseHeader(
                suggestWhichBrokerId, nextBeginOffset, minOffset, maxOffset, null, null, null, null);
    }

    public static PullMessageResponseHeader decode(HeaderFields fields) {
        return new PullMessageResponseHeader(
                fields.requireLong("suggestWhichBrokerId"),
                fields.requireLong("nextBeginOffset"),
                fields.requireLong("minOffset"),
                fields.requireLong("maxOffset"),
                fields.optionalLong("offsetDelta"),
                fields.optionalInt("topicSysFlag"),
                fields.optionalInt("groupSysFlag"),
                fields.optionalInt("forbiddenType"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "suggestWhichBrokerId", suggestWhichBrokerId);
        ExtFields.put(extFields, "nextBeginOffset", nextBeginOffset);
        ExtFields.put(extFields, "minOffset", minOffset);
        ExtFields.put(extFields, "maxOffset", maxOffset);
        ExtFields.put(extFields, "offsetDelta", offsetDelta);
        ExtFields.put(extFields, "topicSysFlag", topicSysFlag);
        ExtFields.put(extFields, "groupSysFlag", groupSysFlag);
        ExtFields.put(extFields, "forbiddenType", forbiddenType);
    }
}
