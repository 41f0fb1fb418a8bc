package io.couriermq.console.admin;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.AdminException;
import io.couriermq.admin.topic.QueueStatus;
import io.couriermq.admin.topic.TopicQueues;
import io.couriermq.admin.topic.TopicRouteView;
import io.couriermq.admin.topic.TopicSpec;
import io.couriermq.admin.topic.TopicStatus;
import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.QueueRow;
import io.couriermq.console.data.TopicDetail;
import io.couriermq.console.data.TopicForm;
import io.couriermq.console.data.TopicKind;
import io.couriermq.console.data.TopicRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Topics through the admin library: list with counts, one topic's queues, create/update and delete. */
final class TopicData {
    private final ConsoleAdminClient admin;
    private final ClusterData cluster;

    TopicData(ConsoleAdminClient admin, ClusterData cluster) {
        this.admin = admin;
        this.cluster = cluster;
    }

    List<TopicRow> topics() {
        Set<String> brokerTopics = cluster.brokerTopics();
        List<TopicRow> rows = new ArrayList<>();
        for (String topic : admin.get().topics().list()) {
            TopicKind kind = brokerTopics.contains(topic) ? TopicKind.SYSTEM : TopicKind.of(topic);
            rows.add(row(topic, kind));
        }
        return rows;
    }

    private TopicRow row(String topic, TopicKind kind) {
        try {
            TopicStatus status = admin.get().topics().status(topic);
            long messages =
                    status.queues().stream().mapToLong(QueueStatus::messages).sum();
            return new TopicRow(topic, kind, status.queues().size(), messages);
        } catch (AdminException e) {
            return new TopicRow(topic, kind, 0, 0); // listed but without a readable route or stats yet
        }
    }

    TopicDetail topic(String topic, List<String> groups) {
        AdminClient client = admin.get();
        TopicRouteView route = client.topics()
                .route(topic)
                .orElseThrow(() -> new IllegalArgumentException("no NameServer knows topic " + topic));
        TopicQueues first = route.queues().isEmpty()
                ? new TopicQueues("", 0, 0, 0)
                : route.queues().get(0);
        List<QueueRow> queues = client.topics().status(topic).queues().stream()
                .map(q -> new QueueRow(
                        q.brokerName(), q.queueId(), q.minOffset(), q.maxOffset(), q.lastUpdateTimestampMs()))
                .toList();
        return new TopicDetail(topic, first.readQueues(), first.writeQueues(), first.perm(), queues, groups);
    }

    ActionOutcome save(TopicForm form) {
        TopicSpec spec = new TopicSpec(form.name(), form.readQueues(), form.writeQueues(), form.perm(), false);
        List<String> clusters = form.cluster().isEmpty() ? cluster.clusterNames() : List.of(form.cluster());
        Set<String> brokers = new LinkedHashSet<>();
        for (String clusterName : clusters) {
            brokers.addAll(admin.get().topics().createOnCluster(spec, clusterName));
        }
        return ActionOutcome.ok("topic " + form.name() + " saved on " + String.join(", ", brokers));
    }

    ActionOutcome delete(String topic) {
        List<String> brokers = admin.get().topics().delete(topic, null);
        return ActionOutcome.ok("topic " + topic + " deleted from "
                + (brokers.isEmpty()
                        ? "the NameServers (no broker had it)"
                        : String.join(", ", brokers) + " and the NameServers"));
    }
}
