package io.couriermq.remoting.protocol.body;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/** GET_PRODUCER_CONNECTION_LIST response: a producer group's live connections. */
public record ProducerConnection(
        @JsonDeserialize(as = LinkedHashSet.class) Set<Connection> connectionSet) {

    public ProducerConnection {
        connectionSet = Copies.orderedSet(connectionSet);
    }
}
