package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** UPDATE_CONSUMER_OFFSET header: the group's next offset to consume on one queue. Usually sent oneway. */
public record UpdateConsumerOffsetRequestHeader(
        String consumerGroup, String topic, int queueId, long commitOffset, String brokerName)
        implements CommandHeader {

    public static UpdateConsumerOffsetRequestHeader decode(HeaderFields fields) {
        return new UpdateConsumerOffsetRequestHeader(
                fields.requireString("consumerGroup"),
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.requireLong("commitOffset"),
                fields.optionalString("bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("consumerGroup", consumerGroup);
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "commitOffset", commitOffset);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
