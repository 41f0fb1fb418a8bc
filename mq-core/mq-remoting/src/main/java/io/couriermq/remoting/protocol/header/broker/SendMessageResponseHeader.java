package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * Response to every send code. {@code msgId} is the offsetMsgId (comma-joined for a batch) and {@code
 * queueId} must always be present: the client builds its MessageQueue from it.
 *
 * <p>{@code msgRegion} and {@code traceOn} are not fields of the official header class; the official
 * send processor adds them as the ext keys {@link #EXT_MSG_REGION} and {@link #EXT_TRACE_ON}, and the
 * client reads both after a successful send, so they travel here to be hard to forget.
 */
public record SendMessageResponseHeader(
        String msgId,
        int queueId,
        long queueOffset,
        String transactionId,
        String batchUniqId,
        String msgRegion,
        Boolean traceOn)
        implements CommandHeader {

    public static final String EXT_MSG_REGION = "MSG_REGION";
    public static final String EXT_TRACE_ON = "TRACE_ON";
    /** The official broker's default {@code regionId}. */
    public static final String DEFAULT_REGION = "DefaultRegion";

    public static SendMessageResponseHeader decode(HeaderFields fields) {
        return new SendMessageResponseHeader(
                fields.requireString("msgId"),
                fields.requireInt("queueId"),
                fields.requireLong("queueOffset"),
                fields.optionalString("transactionId"),
                fields.optionalString("batchUniqId"),
                fields.optionalString(EXT_MSG_REGION),
                fields.optionalBoolean(EXT_TRACE_ON));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("msgId", msgId);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "queueOffset", queueOffset);
        ExtFields.put(extFields, "transactionId", transactionId);
        ExtFields.put(extFields, "batchUniqId", batchUniqId);
        ExtFields.put(extFields, EXT_MSG_REGION, msgRegion);
        ExtFields.put(extFields, EXT_TRACE_ON, traceOn);
    }
}
