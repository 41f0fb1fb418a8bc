package io.couriermq.admin.topic;

import java.util.List;

/** A topic's route: its queues per broker set and where those brokers are. */
public record TopicRouteView(String topic, List<TopicQueues> queues, List<BrokerAddresses> brokers) {
    public TopicRouteView {
        queues = List.copyOf(queues);
        brokers = List.copyOf(brokers);
    }
}
