package io.couriermq.client.route;

import io.couriermq.remoting.protocol.Permission;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic's route as the client uses it: the queues it may write (on brokers with a live master) and
 * read, sorted, and the master address of every broker.
 */
public record TopicRoute(
        String topic, List<MessageQueue> writeQueues, List<MessageQueue> readQueues, Map<String, String> masters) {

    public TopicRoute {
        writeQueues = List.copyOf(writeQueues);
        readQueues = List.copyOf(readQueues);
        masters = Map.copyOf(masters);
    }

    public static TopicRoute of(String topic, TopicRouteData data) {
        Map<String, String> masters = new HashMap<>();
        for (BrokerData broker : data.brokerDatas()) {
            String master = broker.masterAddress();
            if (master != null) {
                masters.put(broker.brokerName(), master);
            }
        }
        List<MessageQueue> write = new ArrayList<>();
        List<MessageQueue> read = new ArrayList<>();
        for (QueueData queues : data.queueDatas()) {
            if (!masters.containsKey(queues.brokerName())) {
                continue;
            }
            if (Permission.isWritable(queues.perm())) {
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
        return new TopicRoute(topic, write, read, masters);
    }

    /** The master address of {@code brokerName}, or null when the route has no live master for it. */
    public String masterAddress(String brokerName) {
        return masters.get(brokerName);
    }
}
