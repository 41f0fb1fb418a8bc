package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;
import java.util.function.Function;

/**
 * The send header in its one logical form. SEND_MESSAGE (and SEND_REPLY_MESSAGE) carry it under the
 * official field names ({@link #decodeV1}, {@link #writeTo}); SEND_MESSAGE_V2, SEND_BATCH_MESSAGE and
 * SEND_REPLY_MESSAGE_V2 carry the same fields under the single-letter keys {@code a}..{@code n} ({@link
 * #decodeV2}, {@link #writeV2}). The broker name travels as {@code bname} in V1 and as {@code n} in V2.
 *
 * <p>{@code unitMode} and {@code batch} are primitives in the official V1 class (and in the 4.9 V2
 * class), so they are always written.
 */
public record SendMessageRequestHeader(
        String producerGroup,
        String topic,
        String defaultTopic,
        int defaultTopicQueueNums,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        String properties,
        Integer reconsumeTimes,
        boolean unitMode,
        Integer maxReconsumeTimes,
        boolean batch,
        String brokerName)
        implements CommandHeader {

    /** The decoder for the header form used by {@code requestCode}; fails for codes that carry no send header. */
    public static Function<HeaderFields, SendMessageRequestHeader> decoderFor(int requestCode) {
        RequestCode code = RequestCode.of(requestCode);
        if (code == RequestCode.SEND_MESSAGE || code == RequestCode.SEND_REPLY_MESSAGE) {
            return SendMessageRequestHeader::decodeV1;
        }
        if (code == RequestCode.SEND_MESSAGE_V2
                || code == RequestCode.SEND_BATCH_MESSAGE
                || code == RequestCode.SEND_REPLY_MESSAGE_V2) {
            return SendMessageRequestHeader::decodeV2;
        }
        throw new IllegalArgumentException(
                "request code " + RequestCode.nameOf(requestCode) + " carries no send header");
    }

    public static SendMessageRequestHeader decodeV1(HeaderFields fields) {
        return new SendMessageRequestHeader(
                fields.requireString("producerGroup"),
                fields.requireString("topic"),
                fields.requireString("defaultTopic"),
                fields.requireInt("defaultTopicQueueNums"),
                fields.requireInt("queueId"),
                fields.requireInt("sysFlag"),
                fields.requireLong("bornTimestamp"),
                fields.requireInt("flag"),
                fields.optionalString("properties"),
                fields.optionalInt("reconsumeTimes"),
                fields.booleanOr("unitMode", false),
                fields.optionalInt("maxReconsumeTimes"),
                fields.booleanOr("batch", false),
                fields.optionalString("bname"));
    }

    public static SendMessageRequestHeader decodeV2(HeaderFields fields) {
        String brokerName = fields.optionalString("n");
        return new SendMessageRequestHeader(
                fields.requireString("a"),
                fields.requireString("b"),
                fields.requireString("c"),
                fields.requireInt("d"),
                fields.requireInt("e"),
                fields.requireInt("f"),
                fields.requireLong("g"),
                fields.requireInt("h"),
                fields.optionalString("i"),
                fields.optionalInt("j"),
                fields.booleanOr("k", false),
                fields.optionalInt("l"),
                fields.booleanOr("m", false),
                // 5.x V2 inherits the RPC base field; clients send n, but a bname alone means the same
                brokerName != null ? brokerName : fields.optionalString("bname"));
    }

    /** Writes the V1 form (SEND_MESSAGE): the official field names. */
    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("producerGroup", producerGroup);
        extFields.put("topic", topic);
        extFields.put("defaultTopic", defaultTopic);
        ExtFields.put(extFields, "defaultTopicQueueNums", defaultTopicQueueNums);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "sysFlag", sysFlag);
        ExtFields.put(extFields, "bornTimestamp", bornTimestamp);
        ExtFields.put(extFields, "flag", flag);
        ExtFields.put(extFields, "properties", properties);
        ExtFields.put(extFields, "reconsumeTimes", reconsumeTimes);
        ExtFields.put(extFields, "unitMode", unitMode);
        ExtFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
        ExtFields.put(extFields, "batch", batch);
        ExtFields.put(extFields, "bname", brokerName);
    }

    /** Writes the V2 form (SEND_MESSAGE_V2, SEND_BATCH_MESSAGE): keys {@code a}..{@code n}. */
    public void writeV2(Map<String, String> extFields) {
        extFields.put("a", producerGroup);
        extFields.put("b", topic);
        extFields.put("c", defaultTopic);
        ExtFields.put(extFields, "d", defaultTopicQueueNums);
        ExtFields.put(extFields, "e", queueId);
        ExtFields.put(extFields, "f", sysFlag);
        ExtFields.put(extFields, "g", bornTimestamp);
        ExtFields.put(extFields, "h", flag);
        ExtFields.put(extFields, "i", properties);
        ExtFields.put(extFields, "j", reconsumeTimes);
        ExtFields.put(extFields, "k", unitMode);
        ExtFields.put(extFields, "l", maxReconsumeTimes);
        ExtFields.put(extFields, "m", batch);
        ExtFields.put(extFields, "n", brokerName);
    }

    /** This header as the V2 form, for {@code RemotingCommand.Builder.header(...)}. */
    public CommandHeader v2() {
        return this::writeV2;
    }
}
