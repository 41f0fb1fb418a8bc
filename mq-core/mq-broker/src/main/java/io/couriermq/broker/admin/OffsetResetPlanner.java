package io.couriermq.broker.admin;

import io.couriermq.broker.offset.ConsumerOffsetManager;
import io.couriermq.remoting.protocol.body.TopicConfig;
import io.couriermq.store.MessageStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Where a reset by time (INVOKE_BROKER_TO_RESET_OFFSET) puts each queue of a group: the first offset
 * stored at or after the timestamp (timestamp -1: the queue's max offset, i.e. skip everything
 * accumulated), on every read queue or on one. RocketMQ's force rule: without force a queue only moves
 * back, a queue whose committed offset is already before the target stays where it is. An explicit
 * offset for one queue (5.x) is taken as given once it is inside the queue's range.
 */
public final class OffsetResetPlanner {

    /** The new offset per queue id, or why there is none. */
    public record Plan(Map<Integer, Long> offsets, String refusal) {
        static Plan of(Map<Integer, Long> offsets) {
            return new Plan(offsets, null);
        }

        static Plan refused(String reason) {
            return new Plan(Map.of(), reason);
        }
    }

    private final MessageStore store;
    private final ConsumerOffsetManager offsets;

    public OffsetResetPlanner(MessageStore store, ConsumerOffsetManager offsets) {
        this.store = store;
        this.offsets = offsets;
    }

    /**
     * @param queueId one queue, or a negative number for every read queue of the topic
     * @param offset an explicit target for {@code queueId} (null or -1: use the timestamp)
     */
    public Plan plan(String group, TopicConfig topic, int queueId, Long offset, long timestamp, boolean force) {
        String name = topic.topicName();
        if (queueId >= 0 && offset != null && offset != -1) {
            long min = store.minOffset(name, queueId);
            long max = store.maxOffset(name, queueId);
            if (offset < min || offset > max) {
                return Plan.refused(
                        String.format("Target offset %d not in consume queue range [%d-%d]", offset, min, max));
            }
            return Plan.of(Map.of(queueId, offset));
        }
        Map<Integer, Long> targets = new TreeMap<>();
        if (queueId >= 0) {
            targets.put(queueId, target(group, name, queueId, timestamp, force));
        } else {
            for (int id = 0; id < topic.readQueueNums(); id++) {
                targets.put(id, target(group, name, id, timestamp, force));
            }
        }
        return targets.isEmpty() ? Plan.refused("No queues to reset.") : Plan.of(targets);
    }

    private long target(String group, String topic, int queueId, long timestamp, boolean force) {
        long target =
                timestamp < 0 ? store.maxOffset(topic, queueId) : store.offsetByTimestamp(topic, queueId, timestamp);
        target = Math.max(0, target);
        OptionalLong committed = offsets.committedOffset(group, topic, queueId);
        if (!force && committed.isPresent() && committed.getAsLong() < target) {
            return committed.getAsLong();
        }
        return target;
    }
}
