package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** QUERY_TOPIC_CONSUME_BY_WHO header: the topic whose subscribing and offset-holding groups admin asks for. */
public record QueryTopicConsumeByWhoRequestHeader(String topic) implements CommandHeader {

    public static QueryTopicConsumeByWhoRequestHeader decode(HeaderFields fields) {
        return new QueryTopicConsumeByWhoRequestHeader(fields.requireString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
    }
}
