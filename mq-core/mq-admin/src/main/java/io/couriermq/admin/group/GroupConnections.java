package io.couriermq.admin.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A group's online consumers (GET_CONSUMER_CONNECTION_LIST) and their subscriptions; empty lists and
 * null modes when no consumer of the group is online.
 */
public record GroupConnections(
        String group,
        String consumeType,
        String messageModel,
        String consumeFromWhere,
        List<ClientConnection> clients,
        List<SubscriptionView> subscriptions) {

    public GroupConnections {
        clients = List.copyOf(clients);
        subscriptions = List.copyOf(subscriptions);
    }

    @JsonProperty("online")
    public boolean online() {
        return !clients.isEmpty();
    }
}
