package io.couriermq.remoting.protocol.body;

import java.util.List;

/** The body of REGISTER_BROKER (uncompressed form): the broker's topic table. */
public record RegisterBrokerBody(
        TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }
}
