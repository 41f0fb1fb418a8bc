package io.couriermq.broker.admin;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.remoting.protocol.body.ConsumeStats;
import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.remoting.protocol.body.OffsetWrapper;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.remoting.protocol.body.TopicOffset;
import io.couriermq.remoting.protocol.body.TopicStatsTable;
import io.couriermq.store.MessageStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Per-queue figures for admin: a topic's offset ranges (GET_TOPIC_STATS_INFO) and a group's progress
 * (GET_CONSUME_STATS), keyed by this broker's {@link MessageQueue}s.
 */
public final class QueueStats {
    private final String brokerName;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final PulledOffsets pulled;
    private final ToDoubleBiFunction<String, String> groupGetRate;

    /**
     * For lag alone (max offset minus committed): pull offsets are reported equal to committed offsets
     * and no consume rate is known. The admin answers use the full constructor.
     */
    public QueueStats(String brokerName, ConsumerOffsetManager offsets, MessageStore store) {
        this(brokerName, offsets, store, new PulledOffsets(), (group, topic) -> 0.0);
    }

    /**
     * @param groupGetRate messages per second a group (first argument) pulled from a topic over the last
     *     minute, e.g. {@code BrokerStats::groupGetRate}
     */
    public QueueStats(
            String brokerName,
            ConsumerOffsetManager offsets,
            MessageStore store,
            PulledOffsets pulled,
            ToDoubleBiFunction<String, String> groupGetRate) {
        this.brokerName = brokerName;
        this.offsets = offsets;
        this.store = store;
        this.pulled = pulled;
        this.groupGetRate = groupGetRate;
    }

    /** Min and max offset of every write queue, and the store time of each queue's newest message. */
    public TopicStatsTable topicStats(TopicConfig topic) {
        Map<MessageQueue, TopicOffset> table = new HashMap<>();
        for (int queueId = 0; queueId < topic.writeQueueNums(); queueId++) {
            String name = topic.topicName();
            long maxOffset = store.maxOffset(name, queueId);
            long newestMs = maxOffset > 0 ? storeTimeOrZero(name, queueId, maxOffset - 1) : 0;
            table.put(
                    new MessageQueue(name, brokerName, queueId),
                    new TopicOffset(store.minOffset(name, queueId), maxOffset, newestMs));
        }
        return new TopicStatsTable(table);
    }

    /**
     * The group's progress on every read queue of the given topics: the queue's max offset, the committed
     * offset (0 when none), how far it has pulled (at least the committed offset, at most the max), and
     * the store time of the last consumed message (0 when none). The consume rate is the messages per
     * second the group pulled from these topics over the last minute, as 5.2.0 sums it per topic.
     */
    public ConsumeStats consumeStats(String group, Collection<TopicConfig> topics) {
        Map<MessageQueue, OffsetWrapper> table = new HashMap<>();
        double consumeTps = 0.0;
        for (TopicConfig topic : topics) {
            consumeTps += groupGetRate.applyAsDouble(group, topic.topicName());
            Map<Integer, Long> committed = offsets.offsetsOf(group, topic.topicName());
            for (int queueId = 0; queueId < topic.readQueueNums(); queueId++) {
                table.put(
                        new MessageQueue(topic.topicName(), brokerName, queueId),
                        progress(group, topic.topicName(), queueId, committed.getOrDefault(queueId, 0L)));
            }
        }
        return new ConsumeStats(table, consumeTps);
    }

    private OffsetWrapper progress(String group, String topic, int queueId, long consumerOffset) {
        long brokerOffset = store.maxOffset(topic, queueId);
        long lastTimestampMs = consumerOffset > 0 ? storeTimeOrZero(topic, queueId, consumerOffset - 1) : 0;
        long pulledOffset = pulled.pulledOffset(group, topic, queueId).orElse(consumerOffset);
        long pullOffset = Math.max(consumerOffset, Math.min(pulledOffset, brokerOffset));
        return new OffsetWrapper(brokerOffset, consumerOffset, pullOffset, lastTimestampMs);
    }

    private long storeTimeOrZero(String topic, int queueId, long queueOffset) {
        return Math.max(0, store.storeTimestampMs(topic, queueId, queueOffset));
    }
}
