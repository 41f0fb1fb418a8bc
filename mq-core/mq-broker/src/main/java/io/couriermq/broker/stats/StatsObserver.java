package io.couriermq.broker.stats;

import io.couriermq.broker.metrics.BrokerObserver;

/** Feeds stored and pulled messages into {@link BrokerStats} and passes every event on. */
public final class StatsObserver implements BrokerObserver {
    private final BrokerStats stats;
    private final BrokerObserver next;

    public StatsObserver(BrokerStats stats, BrokerObserver next) {
        this.stats = stats;
        this.next = next;
    }

    @Override
    public void onMessagesStored(String topic, int count, long bytes, long latencyNanos) {
        stats.recordPut(topic, count, bytes);
        next.onMessagesStored(topic, count, bytes, latencyNanos);
    }

    @Override
    public void onPutFailed(String topic, String status) {
        next.onPutFailed(topic, status);
    }

    @Override
    public void onMessagesPulled(String consumerGroup, String topic, int count, long bytes, long latencyNanos) {
        stats.recordGet(consumerGroup, topic, count, bytes);
        next.onMessagesPulled(consumerGroup, topic, count, bytes, latencyNanos);
    }
}
