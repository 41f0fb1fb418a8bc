package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * CONSUMER_SEND_MSG_BACK header: a consumed message failed and goes to the group's retry topic (or the
 * DLQ). {@code offset} is the message's commit-log offset, by which the broker re-reads it; {@code
 * delayLevel} 0 lets the broker pick {@code 3 + reconsumeTimes}, -1 sends it straight to the DLQ.
 */
public record ConsumerSendMsgBackRequestHeader(
        long offset,
        String group,
        int delayLevel,
        String originMsgId,
        String originTopic,
        boolean unitMode,
        Integer maxReconsumeTimes,
        String brokerName)
        implements CommandHeader {

    /** {@code delayLevel} asking for the dead-letter queue right away. */
    public static final int DELAY_LEVEL_DLQ = -1;
    /** {@code delayLevel} leaving the choice to the broker. */
    public static final int DELAY_LEVEL_BROKER_CHOOSES = 0;

    public static ConsumerSendMsgBackRequestHeader decode(HeaderFields fields) {
        return new ConsumerSendMsgBackRequestHeader(
                fields.requireLong("offset"),
                fields.requireString("group"),
                fields.requireInt("delayLevel"),
                fields.optionalString("originMsgId"),
                fields.optionalString("originTopic"),
                fields.booleanOr("unitMode", false),
                fields.optionalInt("maxReconsumeTimes"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
        extFields.put("group", group);
        ExtFields.put(extFields, "delayLevel", delayLevel);
        ExtFields.put(extFields, "originMsgId", originMsgId);
        ExtFields.put(extFields, "originTopic", originTopic);
        ExtFields.put(extFields, "unitMode", unitMode);
        ExtFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
