package io.couriermq.broker.ha;

import java.util.concurrent.atomic.LongAdder;

/** Counters of SYNC_MASTER outcomes, for the broker's metrics and status. */
public final class ReplicationMetrics {
    private final LongAdder syncWaits = new LongAdder();
    private final LongAdder syncWaitNanos = new LongAdder();
    private final LongAdder flushSlaveTimeouts = new LongAdder();
    private final LongAdder slaveNotAvailable = new LongAdder();

    void syncWaited(long nanos) {
        syncWaits.increment();
        syncWaitNanos.add(nanos);
    }

    void flushSlaveTimeout() {
        flushSlaveTimeouts.increment();
    }

    void slaveNotAvailable() {
        slaveNotAvailable.increment();
    }

    public long syncWaits() {
        return syncWaits.sum();
    }

    public long syncWaitNanos() {
        return syncWaitNanos.sum();
    }

    public long flushSlaveTimeouts() {
        return flushSlaveTimeouts.sum();
    }

    public long slaveNotAvailableCount() {
        return slaveNotAvailable.sum();
    }
}
