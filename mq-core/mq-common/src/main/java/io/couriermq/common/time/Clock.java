package io.couriermq.common.time;

/**
 * The only source of time for the engine. Production code receives one through its constructor;
 * tests pass a {@link ManualClock} so that expiry, retention and timeouts run without sleeping.
 */
public interface Clock {

    /** Wall-clock time in milliseconds since the epoch (what gets stored and compared across processes). */
    long millis();

    /** Monotonic time in nanoseconds, for measuring durations inside one process. */
    long nanos();

    /** The system clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
