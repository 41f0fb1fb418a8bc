package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** A broker's whole topic table with its version (GET_ALL_TOPIC_CONFIG, REGISTER_BROKER). */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = topicConfigTable == null ? Map.of() : Map.copyOf(topicConfigTable);
    }
}
