package io.couriermq.client.consumer.internal;

import io.couriermq.client.message.ReceivedMessage;
import java.util.List;

/** A decoded pull answer: where to pull next, the queue's bounds, and the messages that passed the filter. */
public record PullResult(
        PullStatus status, long nextBeginOffset, long minOffset, long maxOffset, List<ReceivedMessage> messages) {

    public PullResult {
        messages = List.copyOf(messages);
    }
}
