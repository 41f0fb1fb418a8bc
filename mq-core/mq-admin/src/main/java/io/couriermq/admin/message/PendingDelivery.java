package io.couriermq.admin.message;

/**
 * A message a broker holds back for a later delivery (a delay level or an exact time): where it goes,
 * its ids, when it is due and by which scheduler. {@code brokerName} is the broker that holds it.
 */
public record PendingDelivery(
        String brokerName,
        String topic,
        int queueId,
        String uniqueKey,
        String offsetMessageId,
        long dueAtMs,
        String schedule,
        String tags,
        String keys) {

    PendingDelivery withBrokerName(String name) {
        return new PendingDelivery(name, topic, queueId, uniqueKey, offsetMessageId, dueAtMs, schedule, tags, keys);
    }
}
