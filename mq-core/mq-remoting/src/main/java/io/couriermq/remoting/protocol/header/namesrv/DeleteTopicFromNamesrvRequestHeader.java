package io.couriermq.remoting.protocol.header.namesrv;

import io.couriermq.remoting.protocol.header.CommandHeader;
import io.couriermq.remoting.protocol.header.HeaderFields;
import java.util.Map;

/** DELETE_TOPIC_IN_NAMESRV: the topic, and optionally the one cluster whose brokers drop it. */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) implements CommandHeader {

    public static DeleteTopicFromNamesrvRequestHeader decode(HeaderFields fields) {
        return new DeleteTopicFromNamesrvRequestHeader(
                fields.requireString("topic"), fields.optionalString("clusterName"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        extFields.put("topic", topic);
        if (clusterName != null) {
            extFields.put("clusterName", clusterName);
        }
    }
}
