package io.couriermq.compat.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Delay-level and exact-time (timer) messages acknowledged by the broker, each with the earliest moment it
 * may appear in its topic; checked against a {@link TopicReader} of that topic by stored time.
 */
public final class TimedMessages {
    private final List<Pending> pending = new CopyOnWriteArrayList<>();

    /** One acknowledged timed message; {@code notBeforeMs}: the earliest store time allowed. */
    public record Pending(String key, String kind, long notBeforeMs) {}

    /** Sends with a delay level of {@code levelMs} (as configured on the broker); false when not acknowledged. */
    public boolean sendDelayLevel(DefaultMQProducer producer, String topic, String key, int level, long levelMs)
            throws Exception {
        Message message = new Message(topic, "", key, CrashBody.of(key));
        message.setDelayTimeLevel(level);
        long before = System.currentTimeMillis();
        return sent(producer, message, new Pending(key, "delay level " + level, before + levelMs));
    }

    /** Sends to be delivered at {@code dueMs} (5.x {@code setDeliverTimeMs}); false when not acknowledged. */
    public boolean sendAt(DefaultMQProducer producer, String topic, String key, long dueMs) throws Exception {
        Message message = new Message(topic, "", key, CrashBody.of(key));
        message.setDeliverTimeMs(dueMs);
        return sent(producer, message, new Pending(key, "timer", dueMs));
    }

    private boolean sent(DefaultMQProducer producer, Message message, Pending expected) throws Exception {
        if (producer.send(message).getSendStatus() != SendStatus.SEND_OK) {
            return false;
        }
        pending.add(expected);
        return true;
    }

    public int count() {
        return pending.size();
    }

    /** Whether every acknowledged timed message has been read at least once. */
    public boolean allDelivered(TopicReader reader) {
        return pending.stream().noneMatch(p -> reader.seen(p.key()).isEmpty());
    }

    /** Messages missing, stored before their time, or corrupt; empty when all is well. */
    public List<String> problems(TopicReader reader) {
        List<String> problems = new ArrayList<>();
        for (Pending p : pending) {
            List<TopicReader.Seen> copies = reader.seen(p.key());
            if (copies.isEmpty()) {
                problems.add("lost " + p);
            }
            for (TopicReader.Seen copy : copies) {
                if (copy.storeTimestampMs() < p.notBeforeMs()) {
                    problems.add("early by " + (p.notBeforeMs() - copy.storeTimestampMs()) + " ms: " + p);
                }
                if (!copy.intact() || copy.length() != CrashBody.of(p.key()).length) {
                    problems.add("corrupt " + p + ": " + copy);
                }
            }
        }
        return problems;
    }

    /** Copies beyond the first (a delivery repeated after the crash: allowed, at-least-once, but reported). */
    public int duplicates(TopicReader reader) {
        return pending.stream()
                .mapToInt(p -> Math.max(0, reader.seen(p.key()).size() - 1))
                .sum();
    }
}
