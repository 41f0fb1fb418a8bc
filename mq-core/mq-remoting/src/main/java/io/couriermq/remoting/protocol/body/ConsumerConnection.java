package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * GET_CONSUMER_CONNECTION_LIST response: a group's live connections, its subscriptions by topic, and
 * how it consumes. Admin treats an empty connection set as "not online".
 */
@JsonPropertyOrder({"connectionSet", "consumeFromWhere", "consumeType", "messageModel", "subscriptionTable"})
public record ConsumerConnection(
        @JsonDeserialize(as = LinkedHashSet.class) Set<Connection> connectionSet,
        Map<String, SubscriptionData> subscriptionTable,
        ConsumeType consumeType,
        MessageModel messageModel,
        ConsumeFromWhere consumeFromWhere) {

    public ConsumerConnection {
        connectionSet = Copies.orderedSet(connectionSet);
        subscriptionTable = Copies.orderedMap(subscriptionTable);
    }
}
