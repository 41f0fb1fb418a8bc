package io.couriermq.broker.admin;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Figures GET_BROKER_RUNTIME_INFO reports that live outside the store: how many messages pulls have
 * handed out since start, how many requests wait in the send and pull executors' queues, and how long
 * the oldest of each has waited.
 */
public record RuntimeGauges(
        LongSupplier messagesTransferredTotal,
        IntSupplier sendQueueSize,
        IntSupplier pullQueueSize,
        LongSupplier sendQueueHeadWaitMs,
        LongSupplier pullQueueHeadWaitMs) {}
