package io.couriermq.spring.autoconfigure;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.client.producer.SendResult;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;

/** Combines the application's observer beans (metrics, audits) into the one each client part takes. */
final class Observers {
    private Observers() {}

    static ProducerObserver producer(List<ProducerObserver> observers) {
        if (observers.isEmpty()) {
            return ProducerObserver.NONE;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        return new ProducerObserver() {
            @Override
            public void onSendSucceeded(
                    OutgoingMessage message, String brokerName, SendResult result, long latencyNanos) {
                observers.forEach(o -> o.onSendSucceeded(message, brokerName, result, latencyNanos));
            }

            @Override
            public void onSendFailed(
                    OutgoingMessage message,
                    String brokerName,
                    Throwable failure,
                    long latencyNanos,
                    boolean willRetry) {
                observers.forEach(o -> o.onSendFailed(message, brokerName, failure, latencyNanos, willRetry));
            }
        };
    }

    static ConsumeObserver consume(List<ConsumeObserver> observers) {
        if (observers.isEmpty()) {
            return ConsumeObserver.NONE;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        return new ConsumeObserver() {
            @Override
            public void onConsumed(String group, ReceivedMessage message, String result, long durationNanos) {
                observers.forEach(o -> o.onConsumed(group, message, result, durationNanos));
            }

            @Override
            public void onPull(String group, MessageQueue queue, String status, int messages, long durationNanos) {
                observers.forEach(o -> o.onPull(group, queue, status, messages, durationNanos));
            }
        };
    }
}
