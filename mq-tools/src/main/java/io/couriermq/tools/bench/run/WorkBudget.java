package io.couriermq.tools.bench.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How much work is left: a deadline, a number of messages, or both (whichever comes first). Workers
 * claim messages before sending them, so a run bounded by messages sends exactly that many.
 */
public final class WorkBudget {
    private static final long UNBOUNDED = Long.MAX_VALUE;

    private final LongSupplier nanoClock;
    private final long deadlineNanos;
    private final boolean timed;
    private final AtomicLong remaining;

    public WorkBudget(Duration duration, long messages, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.timed = duration != null;
        this.deadlineNanos = timed ? nanoClock.getAsLong() + duration.toNanos() : 0;
        this.remaining = new AtomicLong(messages > 0 ? messages : UNBOUNDED);
    }

    /** Claims up to {@code wanted} messages; returns how many may be sent, 0 when the run is over. */
    public int claim(int wanted) {
        if (timeUp()) {
            return 0;
        }
        while (true) {
            long left = remaining.get();
            if (left <= 0) {
                return 0;
            }
            int granted = (int) Math.min(wanted, left);
            if (left == UNBOUNDED || remaining.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    public boolean timeUp() {
        return timed && nanoClock.getAsLong() - deadlineNanos >= 0;
    }
}
