package io.couriermq.remoting.protocol.body;

import java.util.Set;

/** A set of topic names, optionally with the address of a broker that can serve them. */
public record TopicList(Set<String> topicList, String brokerAddr) {

    public TopicList {
        topicList = topicList == null ? Set.of() : Set.copyOf(topicList);
    }
}
