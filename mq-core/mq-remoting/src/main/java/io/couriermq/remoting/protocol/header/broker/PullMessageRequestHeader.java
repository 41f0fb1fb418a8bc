package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * PULL_MESSAGE and LITE_PULL_MESSAGE header. {@code subscription} is only sent with {@link
 * PullSysFlag#SUBSCRIPTION}; {@code maxMsgBytes} and {@code bname} by 5.x clients only. The proxy-only
 * 5.x fields ({@code requestSource}, {@code proxyFrowardClientId}) are not modelled and are ignored.
 */
public record PullMessageRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        long queueOffset,
        int maxMsgNums,
        int sysFlag,
        long commitOffset,
        long suspendTimeoutMillis,
        String subscription,
        long subVersion,
        String expressionType,
        Integer maxMsgBytes,
        String brokerName)
        implements CommandHeader {

    public static PullMessageRequestHeader decode(HeaderFields fields) {
        return new PullMessageRequestHeader(
                fields.requireString("consumerGroup"),
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.requireLong("queueOffset"),
                fields.requirePositiveInt("maxMsgNums"),
                fields.requireInt("sysFlag"),
                fields.requireLong("commitOffset"),
                fields.requireLong("suspendTimeoutMillis"),
                fields.optionalString("subscription"),
                fields.requireLong("subVersion"),
                fields.optionalString("expressionType"),
                fields.optionalInt("maxMsgBytes"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "queueOffset", queueOffset);
        ExtFields.put(extFields, "maxMsgNums", maxMsgNums);
        ExtFields.put(extFields, "sysFlag", sysFlag);
        ExtFields.put(extFields, "commitOffset", commitOffset);
        ExtFields.put(extFields, "suspendTimeoutMillis", suspendTimeoutMillis);
        ExtFields.put(extFields, "subscription", subscription);
        ExtFields.put(extFields, "subVersion", subVersion);
        ExtFields.put(extFields, "expressionType", expressionType);
        ExtFields.put(extFields, "maxMsgBytes", maxMsgBytes);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
