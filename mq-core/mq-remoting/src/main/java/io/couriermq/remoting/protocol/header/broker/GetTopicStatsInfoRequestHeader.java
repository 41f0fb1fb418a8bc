package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** GET_TOPIC_STATS_INFO header: the topic whose per-queue min/max offsets admin asks for. */
public record GetTopicStatsInfoRequestHeader(String topic) implements CommandHeader {

    public static GetTopicStatsInfoRequestHeader decode(HeaderFields fields) {
        return new GetTopicStatsInfoRequestHeader(fields.requireString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
    }
}
