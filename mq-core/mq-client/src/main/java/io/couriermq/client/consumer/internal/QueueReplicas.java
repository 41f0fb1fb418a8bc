package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.route.BrokerReplicas;
import io.couriermq.client.route.Replica;
import io.couriermq.client.route.RouteCache;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Which member of a queue's broker set a consumer request goes to (RocketMQ's pullFromWhichNodeTable and
 * findBrokerAddressInSubscribe). Every pull answer names the member the broker wants the next pull of
 * that queue to go to ({@code suggestWhichBrokerId}: a master that has fallen behind on disk sends
 * readers to a slave, a slave that is behind sends them back); it is remembered per queue and followed
 * while the route lists that member. Offsets are committed and asked at the master, and only when the
 * set has no live master at the member the queue is read from.
 */
public final class QueueReplicas {
    private final BiFunction<String, String, BrokerReplicas> lookup;
    private final Map<MessageQueue, Long> suggested = new ConcurrentHashMap<>();

    public QueueReplicas(RouteCache routes) {
        this(routes::replicas);
    }

    /** @param lookup the live members of a broker set by (topic, broker name), or null when unknown */
    QueueReplicas(BiFunction<String, String, BrokerReplicas> lookup) {
        this.lookup = lookup;
    }

    /** The member the next pull of {@code queue} goes to; fails (retriable) when no route lists the set. */
    public Replica forPull(MessageQueue queue) {
        return replicasOf(queue).forPull(suggestion(queue));
    }

    /** The member that takes {@code queue}'s offset commits and offset questions. */
    public Replica forOffsets(MessageQueue queue) {
        return replicasOf(queue).forOffsets(suggestion(queue));
    }

    /** The broker's answer to a pull of {@code queue} named the member for the next pull. */
    public void suggest(MessageQueue queue, long brokerId) {
        if (brokerId == Replica.MASTER_ID) {
            suggested.remove(queue);
        } else {
            suggested.put(queue, brokerId);
        }
    }

    /**
     * A pull of {@code queue} at {@code target} got no answer: when that was a suggested slave, the next
     * pull goes to the master again, which will suggest a member that is up.
     */
    public void noAnswer(MessageQueue queue, Replica target) {
        if (!target.isMaster()) {
            suggested.remove(queue, target.brokerId());
        }
    }

    /** The member id the broker last suggested for {@code queue}; the master's when none. */
    public long suggestion(MessageQueue queue) {
        return suggested.getOrDefault(queue, Replica.MASTER_ID);
    }

    private BrokerReplicas replicasOf(MessageQueue queue) {
        BrokerReplicas replicas = lookup.apply(queue.topic(), queue.brokerName());
        if (replicas == null) {
            throw new ClientException(
                    "no live member of broker set " + queue.brokerName() + " in any known route", -1, true);
        }
        return replicas;
    }
}
