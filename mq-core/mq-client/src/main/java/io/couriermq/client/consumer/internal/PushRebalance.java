package io.couriermq.client.consumer.internal;

import io.couriermq.client.ClientException;
import io.couriermq.client.internal.Heartbeats;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a rebalance round to the push consumer: per subscribed topic, gives up queues no longer
 * assigned (drop, persist the offset, unlock when orderly) and takes on new ones (lock first when
 * orderly, then the start offset). When anything changed, the topic's subVersion moves and a heartbeat
 * goes to every broker before the new queues are pulled, so pulls never carry a version the broker has
 * not seen. Rounds, offset resets and the final release take turns (one monitor), so a round never
 * re-acquires a queue from a stale offset while a reset is under way.
 */
public final class PushRebalance implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PushRebalance.class);
    private static final long HEARTBEAT_WAIT_MS = 3_000;
    private static final long CONSUME_WAIT_MS = 1_000;

    private final String group;
    private final Subscriptions subscriptions;
    private final QueueAllocator allocator;
    private final AssignedQueues assigned;
    private final StartOffsets startOffsets;
    private final OffsetStore offsets;
    private final QueueLocks locks;
    private final Heartbeats heartbeats;
    private final PullLoop pulls;
    private final Clock clock;

    /** {@code locks} is null for concurrent consumers. */
    private volatile boolean lastRoundComplete = true;

    public PushRebalance(
            String group,
            Subscriptions subscriptions,
            QueueAllocator allocator,
            AssignedQueues assigned,
            StartOffsets startOffsets,
            OffsetStore offsets,
            QueueLocks locks,
            Heartbeats heartbeats,
            PullLoop pulls,
            Clock clock) {
        this.group = group;
        this.subscriptions = subscriptions;
        this.allocator = allocator;
        this.assigned = assigned;
        this.startOffsets = startOffsets;
        this.offsets = offsets;
        this.locks = locks;
        this.heartbeats = heartbeats;
        this.pulls = pulls;
        this.clock = clock;
    }

    @Override
    public synchronized void run() {
        List<ProcessQueue> started = new ArrayList<>();
        boolean changed = false;
        boolean skipped = false;
        for (String topic : subscriptions.topics()) {
            Optional<Set<MessageQueue>> target = allocator.allocate(topic);
            if (target.isEmpty()) {
                skipped = true;
                continue;
            }
            boolean topicChanged = release(topic, target.get());
            List<ProcessQueue> added = acquire(topic, target.get());
            if (topicChanged || !added.isEmpty()) {
                subscriptions.bumpVersion(topic, clock.millis());
                log.info("group {} rebalanced {}: now {}", group, topic, describe(topic));
                changed = true;
            }
            started.addAll(added);
        }
        if (changed) {
            awaitHeartbeat();
        }
        started.forEach(pulls::start);
        lastRoundComplete = !skipped;
    }

    /**
     * Whether the last round could place every topic: false when a topic had no route yet (it is created
     * by the first send) or the brokers did not list this member yet. The consumer then retries sooner
     * than the periodic round.
     */
    public boolean lastRoundComplete() {
        return lastRoundComplete;
    }

    /**
     * RESET_CONSUMER_CLIENT_OFFSET: every queue of {@code topic} held here that {@code table} names is
     * dropped (its pulls stop, listener calls in progress can no longer move its offset), its offset set
     * to the table's, and the offsets are committed to the brokers before returning. The next round takes
     * the queues on again from those offsets (the start offset is the one in memory). Returns whether any
     * queue was reset, i.e. whether a round is due.
     */
    public synchronized boolean resetOffsets(String topic, Map<MessageQueue, Long> table) {
        List<MessageQueue> reset = new ArrayList<>();
        for (ProcessQueue processQueue : assigned.ofTopic(topic)) {
            Long offset = table.get(processQueue.queue());
            if (offset == null || offset < 0) {
                continue;
            }
            processQueue.drop();
            if (locks != null) {
                awaitOrderlyCall(processQueue);
            }
            assigned.remove(processQueue);
            offsets.update(processQueue.queue(), offset, false);
            reset.add(processQueue.queue());
        }
        if (!reset.isEmpty()) {
            offsets.persistAllAndWait();
            log.info("group {}: offsets of {} reset to {}", group, reset, table);
        }
        return !reset.isEmpty();
    }

    /** Gives up every queue (shutdown). */
    public synchronized void releaseAll() {
        List<MessageQueue> given = new ArrayList<>();
        for (ProcessQueue processQueue : assigned.all()) {
            give(processQueue);
            given.add(processQueue.queue());
        }
        if (locks != null && !given.isEmpty()) {
            locks.unlock(given);
        }
    }

    private boolean release(String topic, Set<MessageQueue> target) {
        List<MessageQueue> given = new ArrayList<>();
        for (ProcessQueue processQueue : assigned.ofTopic(topic)) {
            if (!target.contains(processQueue.queue())) {
                give(processQueue);
                given.add(processQueue.queue());
            }
        }
        if (locks != null && !given.isEmpty()) {
            locks.unlock(given);
        }
        return !given.isEmpty();
    }

    private void give(ProcessQueue processQueue) {
        processQueue.drop();
        if (locks != null) {
            awaitOrderlyCall(processQueue);
        }
        assigned.remove(processQueue);
        offsets.persist(processQueue.queue());
        offsets.remove(processQueue.queue());
    }

    /** An orderly listener call in progress must finish before another member may lock the queue. */
    private void awaitOrderlyCall(ProcessQueue processQueue) {
        try {
            if (processQueue.consumeLock().tryLock(CONSUME_WAIT_MS, TimeUnit.MILLISECONDS)) {
                processQueue.consumeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ProcessQueue> acquire(String topic, Set<MessageQueue> target) {
        Set<MessageQueue> wanted = new HashSet<>(target);
        assigned.ofTopic(topic).forEach(processQueue -> wanted.remove(processQueue.queue()));
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (locks != null) {
            wanted.retainAll(locks.lock(wanted));
        }
        List<ProcessQueue> added = new ArrayList<>();
        for (MessageQueue queue : wanted) {
            long offset;
            try {
                offset = startOffsets.of(queue);
            } catch (ClientException e) {
                log.warn("group {}: start offset of {} unknown, next round: {}", group, queue, e.getMessage());
                continue;
            }
            ProcessQueue processQueue = new ProcessQueue(queue, offset);
            // locked at the broker just above; without broker locks (broadcasting) the queue is ours alone
            processQueue.locked(true, clock.millis());
            assigned.put(processQueue);
            added.add(processQueue);
        }
        return added;
    }

    private void awaitHeartbeat() {
        try {
            heartbeats.sendToAll().get(HEARTBEAT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("heartbeat after rebalance incomplete: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Integer> describe(String topic) {
        return assigned.ofTopic(topic).stream()
                .map(processQueue -> processQueue.queue().queueId())
                .sorted()
                .toList();
    }
}
