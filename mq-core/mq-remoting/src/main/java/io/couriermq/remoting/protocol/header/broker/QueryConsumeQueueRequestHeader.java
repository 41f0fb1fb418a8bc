package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * QUERY_CONSUME_QUEUE ({@code mqadmin queryCq}): {@code count} entries of a queue from {@code index};
 * {@code consumerGroup} (optional) adds that group's subscription to the answer.
 */
public record QueryConsumeQueueRequestHeader(String topic, int queueId, long index, int count, String consumerGroup)
        implements CommandHeader {

    public static QueryConsumeQueueRequestHeader decode(HeaderFields fields) {
        return new QueryConsumeQueueRequestHeader(
                fields.requireString("topic"),
                fields.requireInt("queueId"),
                fields.longOr("index", 0),
                fields.intOr("count", 0),
                fields.optionalString("consumerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "index", index);
        ExtFields.put(extFields, "count", count);
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
    }
}
