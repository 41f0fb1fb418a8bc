package io.couriermq.remoting.protocol.body;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A set of group names (QUERY_TOPIC_CONSUME_BY_WHO response). */
public record GroupList(
        @JsonDeserialize(as = LinkedHashSet.class) Set<String> groupList) {

    public GroupList {
        groupList = Copies.orderedSet(groupList);
    }
}
