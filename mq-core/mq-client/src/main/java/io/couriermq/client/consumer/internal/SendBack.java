package io.couriermq.client.consumer.internal;

import io.couriermq.client.message.ReceivedMessage;

/** Returns a failed message to the broker for a later retry; false when that was not possible. */
@FunctionalInterface
public interface SendBack {
    boolean sendBack(ReceivedMessage message, int delayLevel);
}
