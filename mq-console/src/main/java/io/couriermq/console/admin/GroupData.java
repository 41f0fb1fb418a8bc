package io.couriermq.console.admin;

import io.couriermq.admin.AdminClient;
import io.couriermq.admin.group.GroupConnections;
import io.couriermq.admin.group.GroupProgress;
import io.couriermq.admin.group.QueueProgress;
import io.couriermq.console.data.GroupDetail;
import io.couriermq.console.data.GroupQueueRow;
import io.couriermq.console.data.GroupRow;
import io.couriermq.console.data.MemberRow;
import io.couriermq.console.data.OffsetChange;
import java.util.ArrayList;
import java.util.List;

/** Consumer groups through the admin library: list with lag, members and progress, reset by time. */
final class GroupData {
    private final ConsoleAdminClient admin;

    GroupData(ConsoleAdminClient admin) {
        this.admin = admin;
    }

    List<String> names() {
        return admin.get().groups().list().stream()
                .filter(group -> !SystemNames.isSystemGroup(group))
                .toList();
    }

    List<GroupRow> groups() {
        AdminClient client = admin.get();
        List<GroupRow> rows = new ArrayList<>();
        for (String group : names()) {
            GroupProgress progress = client.groups().progress(group);
            GroupConnections connections = client.groups().connections(group);
            rows.add(new GroupRow(group, connections.clients().size(), progress.totalLag(), progress.consumeTps()));
        }
        return rows;
    }

    GroupDetail group(String group) {
        AdminClient client = admin.get();
        List<MemberRow> members = client.groups().connections(group).clients().stream()
                .map(c -> new MemberRow(c.clientId(), c.clientAddress(), c.language(), String.valueOf(c.version())))
                .toList();
        List<GroupQueueRow> queues = client.groups().progress(group).queues().stream()
                .map(GroupData::queue)
                .toList();
        return new GroupDetail(group, members, queues);
    }

    /** The groups with committed offsets on the topic (the admin library has no "consumed by whom" yet). */
    List<String> consumersOf(String topic) {
        AdminClient client = admin.get();
        return names().stream()
                .filter(group -> client.groups().progress(group).queues().stream()
                        .anyMatch(queue -> queue.topic().equals(topic)))
                .toList();
    }

    List<OffsetChange> resetByTime(String group, String topic, long timestampMs) {
        return admin.get().groups().resetByTime(group, topic, timestampMs, true).stream()
                .map(o -> new OffsetChange(o.topic(), o.brokerName(), o.queueId(), o.offset()))
                .toList();
    }

    private static GroupQueueRow queue(QueueProgress q) {
        return new GroupQueueRow(
                q.topic(), q.brokerName(), q.queueId(), q.brokerOffset(), q.consumerOffset(), q.lastTimestampMs());
    }
}
