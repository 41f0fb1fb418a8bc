package io.couriermq.broker.boot;

import io.couriermq.broker.Broker;
import io.couriermq.broker.admin.QueueStats;
import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.ha.ReplicationStatus;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/broker}: who the broker is, its topics with each queue's offset range, and the
 * consumer groups (online, or with committed offsets) with their lag per topic. The figures are the ones
 * GET_TOPIC_STATS_INFO and GET_CONSUME_STATS answer, so this page and the admin tools agree.
 */
@Endpoint(id = "broker")
final class BrokerEndpoint {
    private final BrokerLifecycle lifecycle;

    BrokerEndpoint(BrokerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The whole broker as one JSON document. */
    public record BrokerView(
            String brokerName,
            String cluster,
            long brokerId,
            String address,
            String role,
            List<String> nameServers,
            ReplicationView replication,
            Map<String, TopicView> topics,
            Map<String, GroupView> consumerGroups) {}

    /**
     * Replication: a master's connected slaves, or a slave's master.
     *
     * @param master a slave's master HA address (null on a master)
     * @param masterReachable a slave: whether its master's frames arrive
     * @param maxOffset this broker's commit-log max offset
     */
    public record ReplicationView(
            String role,
            String master,
            boolean masterReachable,
            long maxOffset,
            long transferredBytes,
            List<SlaveView> slaves) {}

    /** One slave as its master sees it. */
    public record SlaveView(
            String address, long acknowledgedOffset, long lagBytes, long lastAcknowledgementAgeMs, boolean inSync) {}

    /** A topic: queue counts, permission bits, and each queue's offset range. */
    public record TopicView(int readQueues, int writeQueues, int perm, List<QueueView> queues) {}

    public record QueueView(int queueId, long minOffset, long maxOffset) {}

    /** A consumer group: its online clients and its lag on each topic it has committed offsets on. */
    public record GroupView(int onlineClients, Map<String, Long> lagByTopic) {}

    /** The broker's state, or nothing (404) while it is not running. */
    @ReadOperation
    public BrokerView broker() {
        if (!lifecycle.isRunning()) {
            return null;
        }
        Broker broker = lifecycle.broker();
        BrokerConfig config = lifecycle.settings().broker();
        Map<String, TopicConfig> topicTable =
                new TreeMap<>(broker.topics().snapshot().topicConfigTable());
        QueueStats stats = lifecycle.queueStats();
        Map<String, TopicView> topics = new TreeMap<>();
        topicTable.forEach((name, topic) -> topics.put(name, topicView(stats, topic)));
        return new BrokerView(
                config.brokerName(),
                config.brokerClusterName(),
                config.brokerId(),
                broker.address(),
                config.brokerRole().name(),
                config.nameServerAddresses(),
                replicationView(broker.replication().status()),
                topics,
                groups(broker, stats, topicTable));
    }

    private static ReplicationView replicationView(ReplicationStatus status) {
        List<SlaveView> slaves = status.slaves().stream()
                .map(slave -> new SlaveView(
                        slave.address(),
                        slave.acknowledgedOffset(),
                        slave.lagBytes(),
                        slave.lastReportAgeMs(),
                        slave.inSync()))
                .toList();
        return new ReplicationView(
                status.role(),
                status.masterHaAddress(),
                status.masterReachable(),
                status.maxOffset(),
                status.transferredBytes(),
                slaves);
    }

    private static TopicView topicView(QueueStats stats, TopicConfig topic) {
        List<QueueView> queues = new ArrayList<>();
        stats.topicStats(topic)
                .offsetTable()
                .forEach((queue, offsets) -> queues.add(queueView(queue.queueId(), offsets)));
        queues.sort(Comparator.comparingInt(QueueView::queueId));
        return new TopicView(topic.readQueueNums(), topic.writeQueueNums(), topic.perm(), queues);
    }

    private static QueueView queueView(int queueId, TopicOffset offsets) {
        return new QueueView(queueId, offsets.minOffset(), offsets.maxOffset());
    }

    private static Map<String, GroupView> groups(Broker broker, QueueStats stats, Map<String, TopicConfig> topics) {
        Set<String> names = new TreeSet<>(broker.consumers().groups());
        topics.keySet().forEach(topic -> names.addAll(broker.offsets().groupsOf(topic)));
        Map<String, GroupView> groups = new TreeMap<>();
        for (String group : names) {
            Map<String, Long> lag = new TreeMap<>();
            for (String topic : broker.offsets().topicsOf(group)) {
                TopicConfig config = topics.get(topic);
                if (config != null) {
                    lag.put(topic, ConsumerLag.of(stats, group, config));
                }
            }
            groups.put(group, new GroupView(broker.consumers().members(group).size(), lag));
        }
        return groups;
    }
}
