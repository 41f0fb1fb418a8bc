package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker locks an orderly consumer holds on its queues (remoting-protocol §6.5 "Orderly
 * consumption"): LOCK_BATCH_MQ for newly assigned queues before they are pulled, a refresh of all of
 * them every 20 s (one request per broker), UNLOCK_BATCH_MQ when a queue is given up. A queue whose lock
 * was not refreshed for 30 s counts as unlocked and is neither pulled nor consumed.
 */
public final class QueueLocks {
    private static final Logger log = LoggerFactory.getLogger(QueueLocks.class);
    public static final long REFRESH_INTERVAL_MS = 20_000;
    public static final long EXPIRY_MS = 30_000;

    private final String group;
    private final String clientId;
    private final ConsumerRequests requests;
    private final AssignedQueues assigned;
    private final Clock clock;

    public QueueLocks(String group, String clientId, ConsumerRequests requests, AssignedQueues assigned, Clock clock) {
        this.group = group;
        this.clientId = clientId;
        this.requests = requests;
        this.assigned = assigned;
        this.clock = clock;
    }

    /** Locks {@code queues} at their brokers; returns the ones this client now holds. */
    public Set<MessageQueue> lock(Collection<MessageQueue> queues) {
        Set<MessageQueue> locked = new HashSet<>();
        for (Map.Entry<String, Set<MessageQueue>> broker : byBroker(queues).entrySet()) {
            try {
                locked.addAll(requests.lock(group, clientId, broker.getKey(), broker.getValue()));
            } catch (ClientException e) {
                log.warn(
                        "group {}: lock of {} at {} failed: {}",
                        group,
                        broker.getValue(),
                        broker.getKey(),
                        e.getMessage());
            }
        }
        return locked;
    }

    /** Refreshes the locks of every assigned queue and marks each process queue locked or not. */
    public void refreshAll() {
        Map<MessageQueue, ProcessQueue> queues =
                assigned.all().stream().collect(Collectors.toMap(ProcessQueue::queue, processQueue -> processQueue));
        if (queues.isEmpty()) {
            return;
        }
        Set<MessageQueue> locked = lock(queues.keySet());
        long now = clock.millis();
        queues.forEach((queue, processQueue) -> {
            boolean holds = locked.contains(queue);
            if (!holds && processQueue.isLocked(now, EXPIRY_MS)) {
                log.warn("group {}: lost the lock of {}", group, queue);
            }
            processQueue.locked(holds, now);
        });
    }

    public void unlock(Collection<MessageQueue> queues) {
        byBroker(queues).forEach((broker, set) -> requests.unlock(group, clientId, broker, set)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.debug("group {}: unlock of {} failed: {}", group, set, failure.getMessage());
                    }
                }));
    }

    private static Map<String, Set<MessageQueue>> byBroker(Collection<MessageQueue> queues) {
        return queues.stream()
                .collect(Collectors.groupingBy(MessageQueue::brokerName, Collectors.toCollection(LinkedHashSet::new)));
    }
}
