package io.couriermq.client.consumer.internal;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one assigned queue that were pulled and are not consumed yet, by queue offset. It
 * answers the two questions the consumer asks all the time: may this queue be pulled again (flow
 * control on count and bytes) and which offset may be committed — the smallest offset still in flight,
 * or one past the highest offset ever taken in when nothing is (remoting-protocol §6.5 "Offsets"), so a
 * slow message holds the commit back and a restart re-delivers it rather than losing it.
 *
 * <p>Thread-safe: pull callbacks add, listener threads remove.
 */
public final class ProcessQueue {
    private final MessageQueue queue;
    private final TreeMap<Long, ReceivedMessage> inFlight = new TreeMap<>();
    private long cachedBytes;
    private long highestOffset = -1;
    private volatile long nextPullOffset;
    /** The queue's end on the broker as last reported; -1 until a pull answer or a query told us. */
    private final AtomicLong brokerMaxOffset = new AtomicLong(-1);

    private volatile boolean dropped;
    private volatile boolean locked;
    private volatile long lastLockMs;
    /** Held by the orderly consumer while a listener call for this queue runs. */
    private final ReentrantLock consumeLock = new ReentrantLock();
    /** Set while an orderly consume task for this queue is queued or running: one at a time. */
    private final AtomicBoolean orderlyTaskScheduled = new AtomicBoolean();

    private long attemptOffset = -1;
    private int attempts;

    public ProcessQueue(MessageQueue queue, long nextPullOffset) {
        this.queue = queue;
        this.nextPullOffset = nextPullOffset;
    }

    public MessageQueue queue() {
        return queue;
    }

    /** Takes in pulled messages; ones already in flight (a duplicate pull) are ignored. */
    public synchronized void add(List<ReceivedMessage> messages) {
        for (ReceivedMessage message : messages) {
            if (inFlight.putIfAbsent(message.queueOffset(), message) == null) {
                cachedBytes += message.body().length;
                highestOffset = Math.max(highestOffset, message.queueOffset());
            }
        }
    }

    /**
     * Removes consumed (or sent back) messages and returns the offset that may now be committed, or -1
     * when nothing was ever taken in.
     */
    public synchronized long remove(List<ReceivedMessage> messages) {
        for (ReceivedMessage message : messages) {
            ReceivedMessage removed = inFlight.remove(message.queueOffset());
            if (removed != null) {
                cachedBytes -= removed.body().length;
            }
        }
        return committableOffset();
    }

    /**
     * Removes consumed (or sent back) messages and moves the queue's offset in {@code offsets} to the new
     * committable offset, unless the queue was dropped: atomic with {@link #drop()}, so once drop returns no
     * listener thread moves this queue's offset any more (an offset reset relies on that).
     */
    public synchronized void removeAndCommit(List<ReceivedMessage> messages, OffsetStore offsets) {
        long offset = remove(messages);
        if (!dropped) {
            offsets.update(queue, offset, true);
        }
    }

    /** Moves the queue's offset forward to {@code offset} unless the queue was dropped (atomic with drop). */
    public synchronized void commitIfLive(long offset, OffsetStore offsets) {
        if (!dropped) {
            offsets.update(queue, offset, true);
        }
    }

    /** Smallest in-flight offset, else one past the highest taken in; -1 when nothing was taken in. */
    public synchronized long committableOffset() {
        if (!inFlight.isEmpty()) {
            return inFlight.firstKey();
        }
        return highestOffset < 0 ? -1 : highestOffset + 1;
    }

    /**
     * The offset up to which this queue is done with: the smallest in-flight offset, else the next pull
     * offset (messages between the last one taken in and it were filtered out by the broker or this
     * client, which also counts as done).
     */
    public synchronized long consumedOffset() {
        if (!inFlight.isEmpty()) {
            return inFlight.firstKey();
        }
        return Math.max(highestOffset + 1, nextPullOffset);
    }

    /**
     * Records the queue's max offset (the offset the next stored message gets) as a broker reported it.
     * Answers may arrive out of order (a pull answer older than a GET_MAX_OFFSET), so it never moves back.
     */
    public void brokerMaxOffset(long maxOffset) {
        brokerMaxOffset.accumulateAndGet(maxOffset, Math::max);
    }

    /** The last max offset a broker reported, or -1 when none did yet. */
    public long brokerMaxOffset() {
        return brokerMaxOffset.get();
    }

    /**
     * Messages stored in the queue that this consumer has not finished: the broker's max offset minus
     * {@link #consumedOffset()}, never negative; 0 while the max offset is unknown.
     */
    public long lag() {
        long max = brokerMaxOffset.get();
        return max < 0 ? 0 : Math.max(0, max - consumedOffset());
    }

    /** The in-flight message with the smallest offset (the next one an orderly listener gets), or null. */
    public synchronized ReceivedMessage first() {
        Map.Entry<Long, ReceivedMessage> first = inFlight.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** Smallest offset in flight, 0 when none (as the official running info reports it). */
    public synchronized long cachedMinOffset() {
        return inFlight.isEmpty() ? 0 : inFlight.firstKey();
    }

    /** Largest offset in flight, 0 when none. */
    public synchronized long cachedMaxOffset() {
        return inFlight.isEmpty() ? 0 : inFlight.lastKey();
    }

    public synchronized int cachedCount() {
        return inFlight.size();
    }

    public synchronized long cachedBytes() {
        return cachedBytes;
    }

    public synchronized boolean isEmpty() {
        return inFlight.isEmpty();
    }

    /** True when the queue holds as many messages or bytes as allowed: do not pull it now. */
    public synchronized boolean isFull(int maxMessages, long maxBytes) {
        return inFlight.size() >= maxMessages || cachedBytes >= maxBytes;
    }

    /** Counts one more orderly attempt at {@code offset} and returns it (1 for the first). */
    public synchronized int nextAttempt(long offset) {
        if (attemptOffset != offset) {
            attemptOffset = offset;
            attempts = 0;
        }
        return ++attempts;
    }

    public long nextPullOffset() {
        return nextPullOffset;
    }

    public void nextPullOffset(long offset) {
        this.nextPullOffset = offset;
    }

    /** Stops all work on the queue: no more pulls, no more commits from listener threads. */
    public synchronized void drop() {
        dropped = true;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void locked(boolean locked, long nowMs) {
        this.locked = locked;
        if (locked) {
            this.lastLockMs = nowMs;
        }
    }

    /** Whether the broker lock was won the last time it was asked for (expiry not considered). */
    public boolean holdsLock() {
        return locked;
    }

    /** When the broker lock was last won, 0 if never. */
    public long lastLockMs() {
        return lastLockMs;
    }

    /** Holds the broker lock and refreshed it within {@code expiryMs}. */
    public boolean isLocked(long nowMs, long expiryMs) {
        return locked && nowMs - lastLockMs <= expiryMs;
    }

    /** True if the caller may schedule the orderly task (none is queued or running). */
    public boolean markOrderlyTaskScheduled() {
        return orderlyTaskScheduled.compareAndSet(false, true);
    }

    public void clearOrderlyTaskScheduled() {
        orderlyTaskScheduled.set(false);
    }

    public ReentrantLock consumeLock() {
        return consumeLock;
    }

    @Override
    public String toString() {
        return "ProcessQueue[" + queue + ", next " + nextPullOffset + (dropped ? ", dropped" : "") + "]";
    }
}
