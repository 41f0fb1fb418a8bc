package io.couriermq.console.data;

import java.util.List;

/**
 * Everything the console reads from and writes to the cluster, in the shapes its pages show. The
 * implementation goes through the admin library; the pages and their tests see only this. Failures are
 * unchecked exceptions whose message names the broker and the request; the pages show that message.
 */
public interface ConsoleData {

    /** Every broker the NameServer knows, masters and slaves, with their runtime figures. */
    List<BrokerRow> brokers();

    List<TopicRow> topics();

    TopicDetail topic(String topic);

    /** Creates or updates the topic on every master of the form's cluster (or of every cluster). */
    ActionOutcome saveTopic(TopicForm form);

    /** Deletes the topic from every master and from the NameServers. */
    ActionOutcome deleteTopic(String topic);

    List<GroupRow> groups();

    GroupDetail group(String group);

    /** Moves the group's committed offsets on the topic to the first message stored at or after the time. */
    List<OffsetChange> resetOffsetByTime(String group, String topic, long timestampMs);

    MessageDetail message(String topic, String msgId);

    List<MessageRow> messagesByKey(String topic, String key, int max);

    /** Messages of the topic stored between the two times (inclusive), oldest first, at most {@code max}. */
    List<MessageRow> messagesByTime(String topic, long beginMs, long endMs, int max);

    /** Delivers the message again to the consumer group (only that group sees it again). */
    ActionOutcome resendToGroup(String topic, String msgId, String group);

    /** The group's dead letters, oldest first, at most {@code max}. */
    List<MessageRow> deadLetters(String group, int max);

    /** Re-sends one dead letter to its original topic. */
    ActionOutcome resendDeadLetter(String group, String msgId);

    /** Delayed and timed messages of the topic that are not due yet. */
    List<PendingRow> pending(String topic);

    ActionOutcome cancelPending(String topic, String msgId);
}
