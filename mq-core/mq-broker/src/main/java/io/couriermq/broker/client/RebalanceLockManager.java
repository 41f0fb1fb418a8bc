package io.couriermq.broker.client;

import io.couriermq.common.time.Clock;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Queue locks of orderly consumers: per (group, queue) the owning client id and when it last asked.
 * An orderly consumer only consumes a queue it holds here, which is what keeps one queue's messages
 * in one consumer's hands while the group rebalances.
 *
 * <p>A lock is granted when the queue is free, already owned by the caller (a refresh), or its owner
 * has not refreshed for {@link #DEFAULT_LOCK_EXPIRY_MS} (clients refresh every 20 s and consider their
 * own lock stale after 30 s, so a broker expiry of 60 s never takes a queue from a live owner). Only
 * the owner can unlock. Locks are not dropped on disconnect: they expire.
 */
public final class RebalanceLockManager {
    public static final long DEFAULT_LOCK_EXPIRY_MS = 60_000;

    private record Lock(String clientId, long lastRefreshMillis) {}

    private final ConcurrentMap<String, Map<MessageQueue, Lock>> groups = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long lockExpiryMs;

    public RebalanceLockManager(Clock clock) {
        this(clock, DEFAULT_LOCK_EXPIRY_MS);
    }

    public RebalanceLockManager(Clock clock, long lockExpiryMs) {
        if (lockExpiryMs <= 0) {
            throw new IllegalArgumentException("lock expiry must be positive, was " + lockExpiryMs + " ms");
        }
        this.clock = clock;
        this.lockExpiryMs = lockExpiryMs;
    }

    /** Locks what it can of {@code queues} for {@code clientId}; returns the requested queues it now holds. */
    public Set<MessageQueue> tryLock(String group, String clientId, Set<MessageQueue> queues) {
        requireNames(group, clientId);
        Map<MessageQueue, Lock> locks = locksOf(group);
        Set<MessageQueue> held = new LinkedHashSet<>();
        synchronized (locks) {
            long now = clock.millis();
            for (MessageQueue queue : queues) {
                Lock current = locks.get(queue);
                if (current == null || current.clientId.equals(clientId) || isExpired(current, now)) {
                    locks.put(queue, new Lock(clientId, now));
                    held.add(queue);
                }
            }
        }
        return held;
    }

    /** Releases those of {@code queues} that {@code clientId} holds; others' locks are left alone. */
    public void unlock(String group, String clientId, Set<MessageQueue> queues) {
        requireNames(group, clientId);
        Map<MessageQueue, Lock> locks = groups.get(group);
        if (locks == null) {
            return;
        }
        synchronized (locks) {
            for (MessageQueue queue : queues) {
                Lock current = locks.get(queue);
                if (current != null && current.clientId.equals(clientId)) {
                    locks.remove(queue);
                }
            }
        }
    }

    /** True when {@code clientId} holds an unexpired lock on the queue. */
    public boolean isLockedBy(String group, MessageQueue queue, String clientId) {
        Lock lock = liveLock(group, queue);
        return lock != null && lock.clientId.equals(clientId);
    }

    /** True when anyone holds an unexpired lock on the queue. */
    public boolean isLocked(String group, MessageQueue queue) {
        return liveLock(group, queue) != null;
    }

    /** True when the group holds any unexpired lock: it consumes orderly (retry then goes to the DLQ). */
    public boolean hasLiveLocks(String group) {
        Map<MessageQueue, Lock> locks = groups.get(group);
        if (locks == null) {
            return false;
        }
        synchronized (locks) {
            long now = clock.millis();
            return locks.values().stream().anyMatch(lock -> !isExpired(lock, now));
        }
    }

    private Lock liveLock(String group, MessageQueue queue) {
        Map<MessageQueue, Lock> locks = groups.get(group);
        if (locks == null) {
            return null;
        }
        synchronized (locks) {
            Lock lock = locks.get(queue);
            return lock == null || isExpired(lock, clock.millis()) ? null : lock;
        }
    }

    private boolean isExpired(Lock lock, long now) {
        return now - lock.lastRefreshMillis > lockExpiryMs;
    }

    private Map<MessageQueue, Lock> locksOf(String group) {
        return groups.computeIfAbsent(group, ignored -> new HashMap<>());
    }

    private static void requireNames(String group, String clientId) {
        if (group == null || clientId == null) {
            throw new IllegalArgumentException("a queue lock needs a consumer group and a client id, got group " + group
                    + " and client " + clientId);
        }
    }
}
