package io.couriermq.remoting.protocol.body;

import java.util.List;
import java.util.Map;

/**
 * The route of a topic (GET_ROUTEINFO_BY_TOPIC): which brokers hold how many queues, and where those
 * brokers are. Lists are never null on the wire: clients parse a null fine and then fail later.
 */
public record TopicRouteData(
        String orderTopicConf,
        List<QueueData> queueDatas,
        List<BrokerData> brokerDatas,
        Map<String, List<String>> filterServerTable) {

    public TopicRouteData {
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }
}
