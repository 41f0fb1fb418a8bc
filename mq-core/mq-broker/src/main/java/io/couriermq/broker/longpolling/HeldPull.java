package io.couriermq.broker.longpolling;

/**
 * A pull that found nothing and waits for a message on its queue.
 *
 * @param topic topic of the queue
 * @param queueId queue id
 * @param offset the offset the pull asked for: any entry at or past it wakes the pull
 * @param deadlineMillis when the pull must be answered anyway
 * @param retry runs the pull once more, without holding again, and answers it
 */
public record HeldPull(String topic, int queueId, long offset, long deadlineMillis, Runnable retry) {}
