package io.couriermq.broker.admin;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Figures GET_BROKER_RUNTIME_INFO reports that live outside the store: how many messages pulls have
 * handed out since start, and how many requests wait in the send and pull executors' queues.
 */
public record RuntimeGauges(
        LongSupplier messagesTransferredTotal, IntSupplier sendQueueSize, IntSupplier pullQueueSize) {

    /** All zero: for tests, or before the executors exist. */
    public static RuntimeGauges none() {
        return new RuntimeGauges(() -> 0, () -> 0, () -> 0);
    }
}
