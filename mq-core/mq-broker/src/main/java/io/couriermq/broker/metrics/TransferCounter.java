package io.couriermq.broker.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts messages handed out by pulls (GET_BROKER_RUNTIME_INFO reports the total) and passes every
 * event on to the observer behind it.
 */
public final class TransferCounter implements BrokerObserver {
    private final BrokerObserver next;
    private final LongAdder transferred = new LongAdder();

    public TransferCounter(BrokerObserver next) {
        this.next = next;
    }

    public long transferredTotal() {
        return transferred.sum();
    }

    @Override
    public void onMessagesStored(String topic, int count, long bytes, long latencyNanos) {
        next.onMessagesStored(topic, count, bytes, latencyNanos);
    }

    @Override
    public void onPutFailed(String topic, String status) {
        next.onPutFailed(topic, status);
    }

    @Override
    public void onMessagesPulled(String consumerGroup, String topic, int count, long bytes, long latencyNanos) {
        transferred.add(count);
        next.onMessagesPulled(consumerGroup, topic, count, bytes, latencyNanos);
    }
}
