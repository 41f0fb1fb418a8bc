package io.couriermq.client.internal;

import io.couriermq.remoting.protocol.body.ConsumerData;
import io.couriermq.remoting.protocol.body.HeartbeatData;
import io.couriermq.remoting.protocol.body.ProducerData;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The producer and consumer groups running on one runtime: what its heartbeats carry. */
public final class ClientMembers {
    private final String clientId;
    private final Map<String, Optional<TransactionCheckHandler>> producers = new ConcurrentHashMap<>();
    private final Map<String, ConsumerMembership> consumers = new ConcurrentHashMap<>();

    public ClientMembers(String clientId) {
        this.clientId = clientId;
    }

    public void addProducer(String group, TransactionCheckHandler checks) {
        if (producers.putIfAbsent(group, Optional.ofNullable(checks)) != null) {
            throw new IllegalStateException("producer group " + group + " already runs on client " + clientId
                    + "; share the producer or use another runtime");
        }
    }

    public void removeProducer(String group) {
        producers.remove(group);
    }

    public void addConsumer(String group, ConsumerMembership membership) {
        if (consumers.putIfAbsent(group, membership) != null) {
            throw new IllegalStateException("consumer group " + group + " already runs on client " + clientId
                    + "; one consumer per group and runtime");
        }
    }

    public void removeConsumer(String group) {
        consumers.remove(group);
    }

    public Optional<ConsumerMembership> consumer(String group) {
        return Optional.ofNullable(consumers.get(group));
    }

    public Optional<TransactionCheckHandler> transactionChecks(String group) {
        return producers.getOrDefault(group, Optional.empty());
    }

    public boolean hasConsumers() {
        return !consumers.isEmpty();
    }

    public boolean isEmpty() {
        return producers.isEmpty() && consumers.isEmpty();
    }

    public HeartbeatData heartbeat() {
        Set<ProducerData> producerData = new LinkedHashSet<>();
        producers.keySet().forEach(group -> producerData.add(new ProducerData(group)));
        Set<ConsumerData> consumerData = new LinkedHashSet<>();
        consumers.values().forEach(consumer -> consumerData.add(consumer.consumerData()));
        return new HeartbeatData(clientId, producerData, consumerData, 0, false);
    }
}
