package io.couriermq.client.consumer.internal;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link ConsumeObserver} so that a faulty one cannot break consumption. */
final class Observers {
    private static final Logger log = LoggerFactory.getLogger(Observers.class);

    private Observers() {}

    static void consumed(ConsumeObserver observer, String group, ReceivedMessage message, String result, long nanos) {
        try {
            observer.onConsumed(group, message, result, nanos);
        } catch (RuntimeException e) {
            log.warn("consume observer failed", e);
        }
    }

    static void pulled(
            ConsumeObserver observer, String group, MessageQueue queue, String status, int messages, long nanos) {
        try {
            observer.onPull(group, queue, status, messages, nanos);
        } catch (RuntimeException e) {
            log.warn("consume observer failed", e);
        }
    }
}
