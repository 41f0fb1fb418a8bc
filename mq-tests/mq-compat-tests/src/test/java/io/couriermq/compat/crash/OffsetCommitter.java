package io.couriermq.compat.crash;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;

/**
 * A consumer group committing offsets all the time, as a consumer does (UPDATE_CONSUMER_OFFSET through the
 * official client's API, synchronous so each commit is confirmed): every 100 ms the next round number on
 * every queue of the topic. Remembers when each round was confirmed, so a check after a restart can ask
 * "what was committed by time T" and read back (QUERY_CONSUMER_OFFSET) what the broker has now.
 */
public final class OffsetCommitter implements AutoCloseable {
    private static final long TIMEOUT_MS = 3_000;

    private final MQClientAPIImpl api;
    private final String brokerAddress;
    private final String group;
    private final String topic;
    private final int queues;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean paused;
    /** Confirmation time -> the round confirmed on every queue then; the last minute's. */
    private final ConcurrentNavigableMap<Long, Long> confirmed = new ConcurrentSkipListMap<>();

    private final Thread thread;

    /** A round confirmed on every queue at {@code atMs}. */
    public record Confirmed(long atMs, long offset) {}

    public OffsetCommitter(MQClientAPIImpl api, String brokerAddress, String group, String topic, int queues) {
        this.api = api;
        this.brokerAddress = brokerAddress;
        this.group = group;
        this.topic = topic;
        this.queues = queues;
        this.thread = new Thread(this::commitRounds, "crash-offset-committer");
        thread.start();
    }

    private void commitRounds() {
        for (long round = 1; running.get(); round++) {
            try {
                if (paused) {
                    Thread.sleep(20);
                    continue;
                }
                for (int queueId = 0; queueId < queues; queueId++) {
                    UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
                    header.setConsumerGroup(group);
                    header.setTopic(topic);
                    header.setQueueId(queueId);
                    header.setCommitOffset(round);
                    api.updateConsumerOffset(brokerAddress, header, TIMEOUT_MS);
                }
                long now = System.currentTimeMillis();
                confirmed.put(now, round);
                confirmed.headMap(now - 60_000).clear(); // only the last minute is ever asked about
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception brokerDown) {
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops committing (after the round in progress) until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** The last round confirmed on every queue at or before {@code timeMs}; offset 0 when none. */
    public Confirmed confirmedBy(long timeMs) {
        Map.Entry<Long, Long> entry = confirmed.floorEntry(timeMs);
        return entry == null ? new Confirmed(0, 0) : new Confirmed(entry.getKey(), entry.getValue());
    }

    /** The group's committed offset per queue id as the broker answers now. */
    public Map<Integer, Long> readBack() throws Exception {
        Map<Integer, Long> offsets = new HashMap<>();
        for (int queueId = 0; queueId < queues; queueId++) {
            QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
            header.setConsumerGroup(group);
            header.setTopic(topic);
            header.setQueueId(queueId);
            offsets.put(queueId, api.queryConsumerOffset(brokerAddress, header, TIMEOUT_MS));
        }
        return offsets;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(10_000);
    }
}
