package io.couriermq.broker.pull;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Which replica a consumer should read from, as RocketMQ decides it: a master suggests its slave (broker
 * id 1, RocketMQ's default whichBrokerWhenConsumeSlowly) to a consumer that has fallen further behind
 * than {@code accessMessageInMemoryMaxRatio} percent of physical memory, when slaveReadEnable is on; a
 * slave sends consumers back to its master unless slaveReadEnable is on, or its master is gone.
 */
public final class ReplicaReadAdvice {
    static final long SLOW_CONSUMER_BROKER_ID = 1;
    static final long MASTER_ID = 0;

    private final boolean slave;
    private final BooleanSupplier slaveReadEnable;
    private final BooleanSupplier masterReachable;
    private final LongSupplier commitLogMaxOffset;
    private final long slowLagBytes;

    public ReplicaReadAdvice(
            boolean slave,
            boolean slaveReadEnable,
            BooleanSupplier masterReachable,
            LongSupplier commitLogMaxOffset,
            long slowLagBytes) {
        this(slave, () -> slaveReadEnable, masterReachable, commitLogMaxOffset, slowLagBytes);
    }

    /** @param slaveReadEnable the setting in force, read on every decision (it may change at run time) */
    public ReplicaReadAdvice(
            boolean slave,
            BooleanSupplier slaveReadEnable,
            BooleanSupplier masterReachable,
            LongSupplier commitLogMaxOffset,
            long slowLagBytes) {
        this.slave = slave;
        this.slaveReadEnable = slaveReadEnable;
        this.masterReachable = masterReachable;
        this.commitLogMaxOffset = commitLogMaxOffset;
        this.slowLagBytes = slowLagBytes;
    }

    /** A master without slave reads: always suggests itself. */
    public static ReplicaReadAdvice masterOnly() {
        return new ReplicaReadAdvice(false, false, () -> true, () -> 0, Long.MAX_VALUE);
    }

    /** The lag in bytes beyond which a consumer counts as slow: a share of this machine's memory. */
    public static long slowLagBytes(int accessMessageInMemoryMaxRatio) {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (long) (total * (accessMessageInMemoryMaxRatio / 100.0));
    }

    public boolean isSlave() {
        return slave;
    }

    /** A slave that must not serve this pull: its master is up and slave reads are off. */
    public boolean sendBackToMaster() {
        return slave && !slaveReadEnable.getAsBoolean() && masterReachable.getAsBoolean();
    }

    /**
     * The broker id to suggest after a read whose last record starts at {@code lastCommitLogOffset} (-1
     * when nothing was read).
     */
    public long suggestAfterRead(long lastCommitLogOffset) {
        if (!slaveReadEnable.getAsBoolean() || lastCommitLogOffset < 0) {
            return MASTER_ID;
        }
        boolean slow = commitLogMaxOffset.getAsLong() - lastCommitLogOffset > slowLagBytes;
        return slow ? SLOW_CONSUMER_BROKER_ID : MASTER_ID;
    }
}
