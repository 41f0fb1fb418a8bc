package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * GET_CONSUME_STATS header. A null {@code topic} asks for every topic the group holds offsets for. The
 * 5.3+ {@code topicList} key is not modelled (its format is unverified) and is ignored.
 */
public record GetConsumeStatsRequestHeader(String consumerGroup, String topic) implements CommandHeader {

    public static GetConsumeStatsRequestHeader decode(HeaderFields fields) {
        return new GetConsumeStatsRequestHeader(fields.requireString("consumerGroup"), fields.optionalString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        ExtFields.put(extFields, "topic", topic);
    }
}
