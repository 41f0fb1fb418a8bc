package io.couriermq.remoting.protocol.body;

import java.util.Map;

/** A topic as a broker declares it: queue counts, permission bits, filter type, attributes. */
public record TopicConfig(
        String topicName,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        int topicSysFlag,
        boolean order,
        Map<String, String> attributes) {

    public TopicConfig {
        topicFilterType = topicFilterType == null ? "SINGLE_TAG" : topicFilterType;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
