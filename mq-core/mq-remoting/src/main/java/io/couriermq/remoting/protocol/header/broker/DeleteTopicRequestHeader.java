package io.couriermq.remoting.protocol.header.broker;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** DELETE_TOPIC_IN_BROKER header: the topic to drop with its queues and offsets. */
public record DeleteTopicRequestHeader(String topic) implements CommandHeader {

    public static DeleteTopicRequestHeader decode(HeaderFields fields) {
        return new DeleteTopicRequestHeader(fields.requireString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
    }
}
