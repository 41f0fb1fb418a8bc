package io.couriermq.harness.crash;

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
public final class CrashLedger {
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstConsumedAtMs = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final Map<String, Long> highestOffsetByQueue = new HashMap<>();
    private final Map<String, Long> lastDeliveryByBroker = new ConcurrentHashMap<>();
    private long orderViolations;

    public void acknowledged(String key) {
        acknowledged.add(key);
    }

    public void unconfirmed(String key) {
        unconfirmed.add(key);
    }

    /** One delivery; calls for one queue come from one consume thread, in the order pulled. */
    public synchronized void consumed(String key, String brokerName, int queueId, long queueOffset, long nowMs) {
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
    public long lastDeliveryMs(String brokerName) {
        return lastDeliveryByBroker.getOrDefault(brokerName, 0L);
    }

    public boolean allAcknowledgedConsumed() {
        return firstConsumedAtMs.keySet().containsAll(acknowledged);
    }

    public List<String> lost() {
        List<String> lost = new ArrayList<>();
        for (String key : acknowledged) {
            if (!firstConsumedAtMs.containsKey(key)) {
                lost.add(key);
            }
        }
        return lost;
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public int unconfirmedCount() {
        return unconfirmed.size();
    }

    public int consumedCount() {
        return firstConsumedAtMs.size();
    }

    public long duplicates() {
        return deliveries.get() - firstConsumedAtMs.size();
    }

    public synchronized long orderViolations() {
        return orderViolations;
    }

    public String summary() {
        return "acknowledged=" + acknowledgedCount() + " unconfirmed=" + unconfirmedCount() + " consumed="
                + consumedCount() + " lost=" + lost().size() + " duplicates=" + duplicates() + " orderViolations="
                + orderViolations();
    }
}
