package io.couriermq.broker.client;

import io.couriermq.remoting.protocol.body.Connection;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.remoting.protocol.body.ConsumeType;
import io.couriermq.remoting.protocol.body.ConsumerConnection;
import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.MessageModel;
import io.couriermq.remoting.protocol.body.SubscriptionData;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One consumer group as its heartbeats describe it: members, how it consumes, and per topic the
 * subscription with the highest subVersion. Reads are safe from any thread; changes are made by
 * {@link ConsumerGroupRegistry} one at a time per group.
 */
final class ConsumerGroup {
    final ChannelTable members;
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;

    ConsumerGroup(String name) {
        this.members = new ChannelTable(name);
    }

    void updateSettings(ConsumerData data) {
        consumeType = data.consumeType();
        messageModel = data.messageModel();
        consumeFromWhere = data.consumeFromWhere();
    }

    /**
     * Takes a full subscription set from a heartbeat: a topic's subscription is replaced only by a
     * higher subVersion (a late heartbeat must not roll back what a pull already relies on), topics
     * missing from the set are dropped. Returns true when the group now subscribes to other topics or
     * with another expression; a subVersion bump alone is not a change, because clients bump it after
     * every rebalance and a notification would make them rebalance again.
     */
    boolean updateSubscriptions(Set<SubscriptionData> incoming) {
        boolean changed = false;
        Set<String> topics = new HashSet<>();
        for (SubscriptionData subscription : incoming) {
            if (subscription == null || subscription.topic() == null) {
                continue;
            }
            topics.add(subscription.topic());
            SubscriptionData old = subscriptions.get(subscription.topic());
            if (old == null) {
                subscriptions.put(subscription.topic(), subscription);
                changed = true;
            } else if (subscription.subVersion() > old.subVersion()) {
                subscriptions.put(subscription.topic(), subscription);
                changed |= !sameExpression(old, subscription);
            }
        }
        changed |= subscriptions.keySet().retainAll(topics);
        return changed;
    }

    Optional<SubscriptionData> subscription(String topic) {
        return Optional.ofNullable(subscriptions.get(topic));
    }

    boolean subscribesTo(String topic) {
        return subscriptions.containsKey(topic);
    }

    ConsumerConnection toConnection() {
        Set<Connection> connections = new LinkedHashSet<>();
        members.members().stream()
                .map(info -> info.identity().toConnection())
                .sorted(Comparator.comparing(Connection::clientId))
                .forEach(connections::add);
        return new ConsumerConnection(
                connections, new TreeMap<>(subscriptions), consumeType, messageModel, consumeFromWhere);
    }

    private static boolean sameExpression(SubscriptionData a, SubscriptionData b) {
        return Objects.equals(a.subString(), b.subString()) && Objects.equals(a.expressionType(), b.expressionType());
    }
}
