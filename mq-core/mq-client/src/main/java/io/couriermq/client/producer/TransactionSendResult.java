package io.couriermq.client.producer;

/**
 * A transactional send: the half message's result and the outcome of the local transaction that the
 * broker was told ({@link LocalTransactionState#UNKNOWN} leaves it to the check-back).
 */
public record TransactionSendResult(SendResult halfMessage, LocalTransactionState localState) {}
