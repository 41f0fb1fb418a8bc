package io.couriermq.client.route;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic's route as the client uses it: every live member of every broker set, the queues it may write
 * (only on sets with a live master: producers send to masters) and the queues it may read (on every set
 * with any live member, master or slave: consumers can read from a slave while the master is away),
 * both sorted.
 */
public record TopicRoute(
        String topic,
        List<MessageQueue> writeQueues,
        List<MessageQueue> readQueues,
        Map<String, BrokerReplicas> brokers) {

    public TopicRoute {
        writeQueues = List.copyOf(writeQueues);
        readQueues = List.copyOf(readQueues);
        brokers = Map.copyOf(brokers);
    }

    public static TopicRoute of(String topic, TopicRouteData data) {
        Map<String, BrokerReplicas> brokers = new HashMap<>();
        for (BrokerData broker : data.brokerDatas()) {
            if (!broker.brokerAddrs().isEmpty()) {
                brokers.put(broker.brokerName(), BrokerReplicas.of(broker.brokerName(), broker.brokerAddrs()));
            }
        }
        List<MessageQueue> write = new ArrayList<>();
        List<MessageQueue> read = new ArrayList<>();
        for (QueueData queues : data.queueDatas()) {
            BrokerReplicas replicas = brokers.get(queues.brokerName());
            if (replicas == null) {
                continue;
            }
            if (replicas.hasMaster() && Permission.isWritable(queues.perm())) {
                for (int id = 0; id < queues.writeQueueNums(); id++) {
                    write.add(new MessageQueue(topic, queues.brokerName(), id));
                }
            }
            if (Permission.isReadable(queues.perm())) {
                for (int id = 0; id < queues.readQueueNums(); id++) {
                    read.add(new MessageQueue(topic, queues.brokerName(), id));
                }
            }
        }
        Collections.sort(write);
        Collections.sort(read);
        return new TopicRoute(topic, write, read, brokers);
    }

    /** The master address of {@code brokerName}, or null when the route has no live master for it. */
    public String masterAddress(String brokerName) {
        BrokerReplicas replicas = brokers.get(brokerName);
        return replicas == null ? null : replicas.masterAddress();
    }

    /** The live members of {@code brokerName}, or null when the route does not list that set. */
    public BrokerReplicas replicas(String brokerName) {
        return brokers.get(brokerName);
    }

    /** The master address of every broker set that has a live master, by broker name. */
    public Map<String, String> masters() {
        Map<String, String> masters = new HashMap<>();
        brokers.forEach((name, replicas) -> {
            if (replicas.hasMaster()) {
                masters.put(name, replicas.masterAddress());
            }
        });
        return masters;
    }

    /** Every live address of the route, masters and slaves. */
    public Set<String> addresses() {
        Set<String> addresses = new LinkedHashSet<>();
        brokers.values()
                .forEach(replicas -> addresses.addAll(replicas.addresses().values()));
        return addresses;
    }
}
