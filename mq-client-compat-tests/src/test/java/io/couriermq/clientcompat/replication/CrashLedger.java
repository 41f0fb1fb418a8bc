package io.couriermq.clientcompat.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a crash run sent and consumed, and the figures the replication issue asks for: acknowledged,
 * unconfirmed, consumed, lost (acknowledged, never consumed), duplicates, and per-queue order violations
 * (a message seen for the first time after a later offset of its queue was already seen).
 */
final class CrashLedger {
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstConsumedAtMs = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final Map<String, Long> highestOffsetByQueue = new HashMap<>();
    private final Map<String, Long> lastDeliveryByBroker = new ConcurrentHashMap<>();
    private long orderViolations;

    void acknowledged(String key) {
        acknowledged.add(key);
    }

    void unconfirmed(String key) {
        unconfirmed.add(key);
    }

    /** One delivery; calls for one queue come from one consume thread, in the order pulled. */
    synchronized void consumed(String key, String brokerName, int queueId, long queueOffset, long nowMs) {
        deliveries.incrementAndGet();
        lastDeliveryByBroker.put(brokerName, nowMs);
        boolean first = firstConsumedAtMs.putIfAbsent(key, nowMs) == null;
        String queue = brokerName + "-" + queueId;
        Long highest = highestOffsetByQueue.get(queue);
        if (first && highest != null && queueOffset < highest) {
            orderViolations++;
        }
        highestOffsetByQueue.merge(queue, queueOffset, Math::max);
    }

    /** When a message of {@code brokerName}'s queues was last delivered; 0 if never. */
    long lastDeliveryMs(String brokerName) {
        return lastDeliveryByBroker.getOrDefault(brokerName, 0L);
    }

    boolean allAcknowledgedConsumed() {
        return firstConsumedAtMs.keySet().containsAll(acknowledged);
    }

    List<String> lost() {
        List<String> lost = new ArrayList<>();
        for (String key : acknowledged) {
            if (!firstConsumedAtMs.containsKey(key)) {
                lost.add(key);
            }
        }
        return lost;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int unconfirmedCount() {
        return unconfirmed.size();
    }

    int consumedCount() {
        return firstConsumedAtMs.size();
    }

    long duplicates() {
        return deliveries.get() - firstConsumedAtMs.size();
    }

    synchronized long orderViolations() {
        return orderViolations;
    }

    String summary() {
        return "acknowledged=" + acknowledgedCount() + " unconfirmed=" + unconfirmedCount() + " consumed="
                + consumedCount() + " lost=" + lost().size() + " duplicates=" + duplicates() + " orderViolations="
                + orderViolations();
    }
}
