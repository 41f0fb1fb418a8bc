package io.couriermq.compat.crash;

import io.couriermq.compat.harness.Clients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Reads a topic queue by queue with the official 5.2.0 pull consumer (the plain PULL_MESSAGE a consumer
 * sends, with explicit offsets, so nothing is committed), from where the last read stopped, or from 0 for a
 * full read, up to each queue's max offset at the start of the read. Offsets must be dense: every offset
 * below the max answered once, in order; each gap, repeat or failed pull is recorded as an offset error.
 */
@SuppressWarnings("deprecation") // DefaultMQPullConsumer: the one official API for pulls at explicit offsets
public final class TopicReader implements AutoCloseable {
    private final DefaultMQPullConsumer consumer;
    private final String topic;
    private final Map<MessageQueue, Long> readUpTo = new HashMap<>();
    private final Map<String, List<Seen>> seen = new HashMap<>();
    private final List<String> offsetErrors = new ArrayList<>();

    /** One stored message as read: where it is and what its body was. */
    public record Seen(int queueId, long queueOffset, long storeTimestampMs, long crc, int length, boolean intact) {}

    public TopicReader(String nameServerAddress, String topic) {
        this.topic = topic;
        this.consumer = new DefaultMQPullConsumer(Clients.unique("crash-reader"));
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setInstanceName(Clients.unique("crash-reader"));
        consumer.setVipChannelEnabled(false);
        try {
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("reader of " + topic + " did not start", e);
        }
    }

    /**
     * Reads what was appended since the last read, or with {@code full} everything again from offset 0
     * (forgetting what earlier reads saw, so a message lost after it was once read is noticed).
     */
    public void read(boolean full) throws Exception {
        if (full) {
            readUpTo.clear();
            seen.clear();
            offsetErrors.clear();
        }
        for (MessageQueue queue : consumer.fetchSubscribeMessageQueues(topic)) {
            long max = consumer.maxOffset(queue);
            long offset = readUpTo.getOrDefault(queue, 0L);
            while (offset < max) {
                PullResult result = consumer.pull(queue, "*", offset, 32, 10_000);
                if (result.getPullStatus() != PullStatus.FOUND) {
                    offsetErrors.add(queue + ": " + result.getPullStatus() + " at offset " + offset + " below max "
                            + max + " (next " + result.getNextBeginOffset() + ")");
                    offset = Math.max(offset + 1, result.getNextBeginOffset());
                    continue;
                }
                for (MessageExt message : result.getMsgFoundList()) {
                    if (message.getQueueOffset() != offset) {
                        offsetErrors.add(queue + ": expected offset " + offset + ", read " + message.getQueueOffset());
                    }
                    offset = message.getQueueOffset() + 1;
                    byte[] body = message.getBody();
                    seen.computeIfAbsent(message.getKeys(), key -> new ArrayList<>(1))
                            .add(new Seen(
                                    queue.getQueueId(),
                                    message.getQueueOffset(),
                                    message.getStoreTimestamp(),
                                    CrashBody.crc(body),
                                    body.length,
                                    CrashBody.selfConsistent(message.getKeys(), body)));
                }
            }
            readUpTo.put(queue, offset);
        }
    }

    /** Every stored copy of {@code key} read so far (more than one after a send retried after a timeout). */
    public List<Seen> seen(String key) {
        return seen.getOrDefault(key, List.of());
    }

    public int keys() {
        return seen.size();
    }

    public List<String> offsetErrors() {
        return List.copyOf(offsetErrors);
    }

    /** Messages read, per queue id: the offsets read up to. */
    public Map<Integer, Long> readUpTo() {
        Map<Integer, Long> byQueue = new HashMap<>();
        readUpTo.forEach((queue, offset) -> byQueue.put(queue.getQueueId(), offset));
        return byQueue;
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
