package io.couriermq.remoting.netty;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A {@link Timer} whose time moves only when a test says so; due tasks run on the test's thread. */
final class ManualTimer implements Timer {
    private final List<ManualTimeout> scheduled = new ArrayList<>();
    private long nowNanos;
    private boolean stopped;

    @Override
    public synchronized Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        if (stopped) {
            throw new IllegalStateException("timer stopped");
        }
        ManualTimeout timeout = new ManualTimeout(task, nowNanos + unit.toNanos(delay));
        scheduled.add(timeout);
        return timeout;
    }

    /** Moves time forward and runs, in deadline order, what fell due. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
        }
        while (true) {
            ManualTimeout next;
            synchronized (this) {
                next = scheduled.stream()
                        .filter(t -> !t.isCancelled() && t.deadlineNanos <= target)
                        .min((a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos))
                        .orElse(null);
                if (next == null) {
                    nowNanos = target;
                    scheduled.removeIf(ManualTimeout::isDone);
                    return;
                }
                nowNanos = next.deadlineNanos;
                scheduled.remove(next);
            }
            next.fire();
        }
    }

    synchronized int pending() {
        return (int) scheduled.stream().filter(t -> !t.isDone()).count();
    }

    @Override
    public synchronized Set<Timeout> stop() {
        stopped = true;
        Set<Timeout> unfired = Set.copyOf(scheduled);
        scheduled.clear();
        return unfired;
    }

    private final class ManualTimeout implements Timeout {
        private final TimerTask task;
        private final long deadlineNanos;
        private volatile boolean cancelled;
        private volatile boolean expired;

        ManualTimeout(TimerTask task, long deadlineNanos) {
            this.task = task;
            this.deadlineNanos = deadlineNanos;
        }

        void fire() {
            expired = true;
            try {
                task.run(this);
            } catch (Exception e) {
                throw new IllegalStateException("timer task failed", e);
            }
        }

        @Override
        public Timer timer() {
            return ManualTimer.this;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            return expired;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            if (expired || cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        }

        boolean isDone() {
            return expired || cancelled;
        }
    }
}
