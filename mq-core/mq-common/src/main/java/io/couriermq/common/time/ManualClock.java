package io.couriermq.common.time;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. Thread-safe; meant for tests and simulations. */
public final class ManualClock implements Clock {
    private final AtomicLong nanos = new AtomicLong();
    private final long epochOffsetMillis;

    public ManualClock(long startMillis) {
        this.epochOffsetMillis = startMillis;
    }

    @Override
    public long millis() {
        return epochOffsetMillis + TimeUnit.NANOSECONDS.toMillis(nanos.get());
    }

    @Override
    public long nanos() {
        return nanos.get();
    }

    public void advance(long amount, TimeUnit unit) {
        if (amount < 0) {
            throw new IllegalArgumentException("a clock never goes back: " + amount + " " + unit);
        }
        nanos.addAndGet(unit.toNanos(amount));
    }

    public void advanceMillis(long millis) {
        advance(millis, TimeUnit.MILLISECONDS);
    }
}
