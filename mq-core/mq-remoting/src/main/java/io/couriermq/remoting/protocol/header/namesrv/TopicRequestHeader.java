package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/**
 * A header naming one topic: GET_ROUTEINFO_BY_TOPIC and REGISTER_TOPIC_IN_NAMESRV. Route requests may
 * also carry {@code acceptStandardJsonOnly}; we always answer standard JSON, so it is read and ignored.
 */
public record TopicRequestHeader(String topic) implements CommandHeader {

    public static TopicRequestHeader decode(HeaderFields fields) {
        return new TopicRequestHeader(fields.requireString("topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
    }
}
