package io.couriermq.console.data;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A consumer group's page: its online members and its progress per queue. */
public record GroupDetail(String name, List<MemberRow> members, List<GroupQueueRow> queues) {

    public GroupDetail {
        members = List.copyOf(members);
        queues = List.copyOf(queues);
    }

    public long totalLag() {
        return queues.stream().mapToLong(GroupQueueRow::lag).sum();
    }

    /** The topics the group has offsets on, its own retry topic included, for the reset form. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        queues.forEach(queue -> topics.add(queue.topic()));
        return topics;
    }
}
