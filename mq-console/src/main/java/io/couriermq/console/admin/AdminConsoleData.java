package io.couriermq.console.admin;

import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.BrokerRow;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.GroupDetail;
import io.couriermq.console.data.GroupRow;
import io.couriermq.console.data.MessageDetail;
import io.couriermq.console.data.MessageRow;
import io.couriermq.console.data.OffsetChange;
import io.couriermq.console.data.PendingRow;
import io.couriermq.console.data.TopicDetail;
import io.couriermq.console.data.TopicForm;
import io.couriermq.console.data.TopicRow;
import java.util.List;

/** The console's view of the cluster over the admin library ({@code io.couriermq.admin.AdminClient}). */
public final class AdminConsoleData implements ConsoleData {
    private final ClusterData cluster;
    private final TopicData topics;
    private final GroupData groups;
    private final MessageData messages;

    public AdminConsoleData(ConsoleAdminClient admin) {
        this.cluster = new ClusterData(admin);
        this.topics = new TopicData(admin, cluster);
        this.groups = new GroupData(admin);
        this.messages = new MessageData(admin);
    }

    @Override
    public List<BrokerRow> brokers() {
        return cluster.brokers();
    }

    @Override
    public List<TopicRow> topics() {
        return topics.topics();
    }

    @Override
    public TopicDetail topic(String topic) {
        return topics.topic(topic, groups.consumersOf(topic));
    }

    @Override
    public ActionOutcome saveTopic(TopicForm form) {
        return topics.save(form);
    }

    @Override
    public ActionOutcome deleteTopic(String topic) {
        return topics.delete(topic);
    }

    @Override
    public List<GroupRow> groups() {
        return groups.groups();
    }

    @Override
    public GroupDetail group(String group) {
        return groups.group(group);
    }

    @Override
    public List<OffsetChange> resetOffsetByTime(String group, String topic, long timestampMs) {
        return groups.resetByTime(group, topic, timestampMs);
    }

    @Override
    public MessageDetail message(String topic, String msgId) {
        return messages.message(topic, msgId);
    }

    @Override
    public List<MessageRow> messagesByKey(String topic, String key, int max) {
        return messages.byKey(topic, key, max);
    }

    @Override
    public List<MessageRow> messagesByTime(String topic, long beginMs, long endMs, int max) {
        return messages.byTime(topic, beginMs, endMs, max);
    }

    @Override
    public ActionOutcome resendToGroup(String topic, String msgId, String group) {
        return messages.resendToGroup(topic, msgId, group);
    }

    @Override
    public List<MessageRow> deadLetters(String group, int max) {
        return messages.deadLetters(group, max);
    }

    @Override
    public ActionOutcome resendDeadLetter(String group, String msgId) {
        return messages.resendDeadLetter(group, msgId);
    }

    @Override
    public List<PendingRow> pending(String topic) {
        return messages.pending(topic);
    }

    @Override
    public ActionOutcome cancelPending(String topic, String msgId) {
        return messages.cancelPending(topic, msgId);
    }
}
