package io.couriermq.broker.pending;

/**
 * One message waiting for a later delivery.
 *
 * @param topic the topic it will be delivered to
 * @param queueId the queue it will be delivered to
 * @param uniqueKey the client's message id (UNIQ_KEY), or null when the producer set none
 * @param offsetMessageId the id of the parked copy (host, port and commit-log offset)
 * @param dueAtMs when it is due, epoch milliseconds
 * @param schedule how it was scheduled: "delayLevel=3", "timer"
 * @param tags its tags, or null
 * @param keys its keys joined by spaces, or null
 */
public record PendingDelivery(
        String topic,
        int queueId,
        String uniqueKey,
        String offsetMessageId,
        long dueAtMs,
        String schedule,
        String tags,
        String keys) {}
