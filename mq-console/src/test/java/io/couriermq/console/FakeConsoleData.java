package io.couriermq.console;

import io.couriermq.console.data.ActionOutcome;
import io.couriermq.console.data.BrokerRow;
import io.couriermq.console.data.ConsoleData;
import io.couriermq.console.data.GroupDetail;
import io.couriermq.console.data.GroupQueueRow;
import io.couriermq.console.data.GroupRow;
import io.couriermq.console.data.MemberRow;
import io.couriermq.console.data.MessageDetail;
import io.couriermq.console.data.MessageRow;
import io.couriermq.console.data.OffsetChange;
import io.couriermq.console.data.PendingRow;
import io.couriermq.console.data.QueueRow;
import io.couriermq.console.data.TopicDetail;
import io.couriermq.console.data.TopicForm;
import io.couriermq.console.data.TopicKind;
import io.couriermq.console.data.TopicRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory cluster for the console's page and flow tests: one broker, topics as saved, writes recorded. */
final class FakeConsoleData implements ConsoleData {
    final Map<String, TopicForm> topics = new ConcurrentHashMap<>();
    final List<String> writes = new CopyOnWriteArrayList<>();

    FakeConsoleData() {
        topics.put("Orders", new TopicForm("Orders", "", 4, 4, 6));
    }

    @Override
    public List<BrokerRow> brokers() {
        return List.of(new BrokerRow(
                "DefaultCluster", "broker-a", 0, "MASTER", "127.0.0.1:10911", "V5_2_0", 12.5, 3, 100, 40, 0.25, null));
    }

    @Override
    public List<TopicRow> topics() {
        return topics.values().stream()
                .map(t -> new TopicRow(t.name(), TopicKind.of(t.name()), t.writeQueues(), 10))
                .toList();
    }

    @Override
    public TopicDetail topic(String topic) {
        TopicForm form = topics.get(topic);
        if (form == null) {
            throw new IllegalStateException("no topic " + topic);
        }
        return new TopicDetail(
                topic,
                form.readQueues(),
                form.writeQueues(),
                form.perm(),
                List.of(new QueueRow("broker-a", 0, 0, 10, 1_700_000_000_000L)),
                List.of("orders-group"));
    }

    @Override
    public ActionOutcome saveTopic(TopicForm form) {
        topics.put(form.name(), form);
        writes.add("save " + form.name());
        return ActionOutcome.ok("topic " + form.name() + " saved on broker-a");
    }

    @Override
    public ActionOutcome deleteTopic(String topic) {
        topics.remove(topic);
        writes.add("delete " + topic);
        return ActionOutcome.ok("topic " + topic + " deleted");
    }

    @Override
    public List<GroupRow> groups() {
        return List.of(new GroupRow("orders-group", 1, 7, 2.0));
    }

    @Override
    public GroupDetail group(String group) {
        return new GroupDetail(
                group,
                List.of(new MemberRow("client@1", "127.0.0.1:5000", "JAVA", "V5_2_0")),
                List.of(new GroupQueueRow("Orders", "broker-a", 0, 10, 3, 0)));
    }

    @Override
    public List<OffsetChange> resetOffsetByTime(String group, String topic, long timestampMs) {
        writes.add("reset " + group + " " + topic + " " + timestampMs);
        return List.of(new OffsetChange(topic, "broker-a", 0, 0));
    }

    @Override
    public MessageDetail message(String topic, String msgId) {
        return new MessageDetail(
                new MessageRow(
                        msgId, "OFFSET-" + msgId, topic, "tagA", "key-1", "broker-a", 0, 3, 1_700_000_000_000L, 5),
                "127.0.0.1:1",
                "127.0.0.1:10911",
                1_700_000_000_000L,
                0,
                Map.of("KEYS", "key-1"),
                "hello".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<MessageRow> messagesByKey(String topic, String key, int max) {
        return List.of(message(topic, "ID1").summary());
    }

    @Override
    public List<MessageRow> messagesByTime(String topic, long beginMs, long endMs, int max) {
        return List.of(message(topic, "ID1").summary());
    }

    @Override
    public ActionOutcome resendToGroup(String topic, String msgId, String group) {
        writes.add("resend " + msgId + " " + group);
        return ActionOutcome.ok("delivered");
    }

    @Override
    public List<MessageRow> deadLetters(String group, int max) {
        return List.of(message("%DLQ%" + group, "DL1").summary());
    }

    @Override
    public ActionOutcome resendDeadLetter(String group, String msgId) {
        writes.add("dlq " + msgId);
        return ActionOutcome.failed("the broker refused: no such message");
    }

    @Override
    public List<PendingRow> pending(String topic) {
        return List.of(new PendingRow("P1", topic, "delay level 3", 1_800_000_000_000L, "", ""));
    }

    @Override
    public ActionOutcome cancelPending(String topic, String msgId) {
        writes.add("cancel " + msgId);
        return ActionOutcome.ok("cancelled");
    }
}
