package io.couriermq.broker.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * SYNC_MASTER puts waiting for a slave: each waits for an acknowledgement covering its end offset, in
 * offset order, so one acknowledgement completes every put it covers at once. Nothing here blocks a
 * thread; a put whose deadline passes completes with false (FLUSH_SLAVE_TIMEOUT).
 */
public final class SyncReplicationWaiters {
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>();
    private long acknowledgedOffset;
    private boolean closed;

    /** Completes with true once a slave has acknowledged {@code endOffset}, false at the deadline. */
    public CompletableFuture<Boolean> await(long endOffset, long deadlineMillis) {
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        Boolean immediate = null;
        synchronized (this) {
            if (endOffset <= acknowledgedOffset) {
                immediate = true;
            } else if (closed) {
                immediate = false;
            } else {
                waiters.add(new Waiter(endOffset, deadlineMillis, future));
            }
        }
        if (immediate != null) {
            future.complete(immediate);
        }
        return future;
    }

    /** A slave has everything below {@code offset}: completes every waiter it covers. */
    public void acknowledged(long offset) {
        List<Waiter> covered = new ArrayList<>();
        synchronized (this) {
            if (offset <= acknowledgedOffset) {
                return;
            }
            acknowledgedOffset = offset;
            while (!waiters.isEmpty() && waiters.peek().endOffset <= offset) {
                covered.add(waiters.poll());
            }
        }
        covered.forEach(waiter -> waiter.future.complete(true));
    }

    /** Completes with false every waiter whose deadline is not after {@code nowMillis}. */
    public void expire(long nowMillis) {
        List<Waiter> expired = new ArrayList<>();
        synchronized (this) {
            waiters.removeIf(waiter -> {
                if (waiter.deadlineMillis <= nowMillis) {
                    expired.add(waiter);
                    return true;
                }
                return false;
            });
        }
        expired.forEach(waiter -> waiter.future.complete(false));
    }

    /** Shutdown: every waiter completes with false, and so does every later one not yet covered. */
    public void close() {
        List<Waiter> remaining;
        synchronized (this) {
            closed = true;
            remaining = new ArrayList<>(waiters);
            waiters.clear();
        }
        remaining.forEach(waiter -> waiter.future.complete(false));
    }

    public synchronized int waiting() {
        return waiters.size();
    }

    public synchronized long acknowledgedOffset() {
        return acknowledgedOffset;
    }

    private record Waiter(long endOffset, long deadlineMillis, CompletableFuture<Boolean> future)
            implements Comparable<Waiter> {
        @Override
        public int compareTo(Waiter other) {
            return Long.compare(endOffset, other.endOffset);
        }
    }
}
