package io.couriermq.client.consumer.internal;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.common.message.MessageConst;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.ConsumeStatus;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures a push consumer for GET_CONSUMER_RUNNING_INFO: per topic, pull and listener times and
 * message rates over the last minute and failures over the last hour ({@link ConsumeStatus}), and per
 * queue when it was last pulled and last consumed. It sees what the consumer's {@link ConsumeObserver}
 * sees, so it is installed as an observer beside the application's.
 */
public final class ConsumeStatsRecorder implements ConsumeObserver {
    private static final long MINUTE_BUCKET_MS = 10_000;
    private static final int MINUTE_BUCKETS = 6;
    private static final long HOUR_BUCKET_MS = 60_000;
    private static final int HOUR_BUCKETS = 60;

    private final String group;
    private final Clock clock;
    private final long startMs;
    private final Map<String, TopicStats> topics = new ConcurrentHashMap<>();
    private final Map<MessageQueue, Long> lastPullMs = new ConcurrentHashMap<>();
    private final Map<MessageQueue, Long> lastConsumeMs = new ConcurrentHashMap<>();

    public ConsumeStatsRecorder(String group, Clock clock) {
        this.group = group;
        this.clock = clock;
        this.startMs = clock.millis();
    }

    /** This recorder followed by {@code application}'s observer; a failing one does not stop the other. */
    public ConsumeObserver alongside(ConsumeObserver application) {
        ConsumeStatsRecorder recorder = this;
        return new ConsumeObserver() {
            @Override
            public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
                Observers.consumed(recorder, group, message, result, durationNanos);
                Observers.consumed(application, group, message, result, durationNanos);
            }

            @Override
            public void onPull(String group, MessageQueue queue, String status, int messages, long durationNanos) {
                Observers.pulled(recorder, group, queue, status, messages, durationNanos);
                Observers.pulled(application, group, queue, status, messages, durationNanos);
            }
        };
    }

    @Override
    public void onPull(String group, MessageQueue queue, String status, int messages, long durationNanos) {
        long now = clock.millis();
        lastPullMs.put(queue, now);
        TopicStats stats = stats(queue.topic());
        stats.pulls.add(now, 1, TimeUnit.NANOSECONDS.toMicros(durationNanos));
        stats.pulledMessages.add(now, messages, 0);
    }

    @Override
    public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
        long now = clock.millis();
        lastConsumeMs.put(pulledFrom(message), now);
        TopicStats stats = stats(message.topic());
        stats.consumeCalls.add(now, 1, TimeUnit.NANOSECONDS.toMicros(durationNanos));
        if ("SUCCESS".equals(result)) {
            stats.consumedOk.add(now, 1, 0);
        } else {
            stats.consumedFailed.add(now, 1, 0);
            stats.failedInHour.add(now, 1, 0);
        }
    }

    /** The topic's figures now; zeros for a topic nothing happened on. */
    public ConsumeStatus status(String topic) {
        TopicStats stats = topics.get(topic);
        if (stats == null) {
            return new ConsumeStatus(0, 0, 0, 0, 0, 0);
        }
        long now = clock.millis();
        double seconds = Math.max(1_000, Math.min(stats.pulls.windowMs(), now - startMs)) / 1_000.0;
        return new ConsumeStatus(
                averageMs(stats.pulls, now),
                stats.pulledMessages.count(now) / seconds,
                averageMs(stats.consumeCalls, now),
                stats.consumedOk.count(now) / seconds,
                stats.consumedFailed.count(now) / seconds,
                stats.failedInHour.count(now));
    }

    public long lastPullMs(MessageQueue queue) {
        return lastPullMs.getOrDefault(queue, 0L);
    }

    public long lastConsumeMs(MessageQueue queue) {
        return lastConsumeMs.getOrDefault(queue, 0L);
    }

    /** The queue a message was pulled from: a retried message reports its original topic. */
    private MessageQueue pulledFrom(ReceivedMessage message) {
        String topic =
                message.property(MessageConst.RETRY_TOPIC) != null ? StartOffsets.retryTopicOf(group) : message.topic();
        return new MessageQueue(topic, message.brokerName(), message.queueId());
    }

    private TopicStats stats(String topic) {
        return topics.computeIfAbsent(topic, ignored -> new TopicStats());
    }

    private static double averageMs(RateWindow window, long now) {
        long count = window.count(now);
        return count == 0 ? 0 : window.sum(now) / 1_000.0 / count;
    }

    /** Windows of one topic; sums are in microseconds. */
    private static final class TopicStats {
        final RateWindow pulls = new RateWindow(MINUTE_BUCKET_MS, MINUTE_BUCKETS);
        final RateWindow pulledMessages = new RateWindow(MINUTE_BUCKET_MS, MINUTE_BUCKETS);
        final RateWindow consumeCalls = new RateWindow(MINUTE_BUCKET_MS, MINUTE_BUCKETS);
        final RateWindow consumedOk = new RateWindow(MINUTE_BUCKET_MS, MINUTE_BUCKETS);
        final RateWindow consumedFailed = new RateWindow(MINUTE_BUCKET_MS, MINUTE_BUCKETS);
        final RateWindow failedInHour = new RateWindow(HOUR_BUCKET_MS, HOUR_BUCKETS);
    }
}
