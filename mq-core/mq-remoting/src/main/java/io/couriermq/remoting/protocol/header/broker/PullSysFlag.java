package io.couriermq.remoting.protocol.header.broker;

/** The bits of PULL_MESSAGE's {@code sysFlag}: what the consumer asks the broker to do with this pull. */
public final class PullSysFlag {
    /** {@code commitOffset} is meaningful: store it as the group's offset for the queue. */
    public static final int COMMIT_OFFSET = 0x1;
    /** The broker may hold the request (long polling) when nothing is there yet. */
    public static final int SUSPEND = 0x2;
    /** Filter with the header's {@code subscription} instead of the one learned from HEART_BEAT. */
    public static final int SUBSCRIPTION = 0x4;
    /** Legacy filter-server class filtering; unused. */
    public static final int CLASS_FILTER = 0x8;
    /** Sent by the lite pull consumer. */
    public static final int LITE_PULL = 0x10;

    private PullSysFlag() {}

    public static int build(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter) {
        return (commitOffset ? COMMIT_OFFSET : 0)
                | (suspend ? SUSPEND : 0)
                | (subscription ? SUBSCRIPTION : 0)
                | (classFilter ? CLASS_FILTER : 0);
    }

    public static int build(
            boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter, boolean litePull) {
        return build(commitOffset, suspend, subscription, classFilter) | (litePull ? LITE_PULL : 0);
    }

    public static boolean hasCommitOffset(int sysFlag) {
        return (sysFlag & COMMIT_OFFSET) != 0;
    }

    public static boolean hasSuspend(int sysFlag) {
        return (sysFlag & SUSPEND) != 0;
    }

    public static boolean hasSubscription(int sysFlag) {
        return (sysFlag & SUBSCRIPTION) != 0;
    }

    public static boolean hasClassFilter(int sysFlag) {
        return (sysFlag & CLASS_FILTER) != 0;
    }

    public static boolean hasLitePull(int sysFlag) {
        return (sysFlag & LITE_PULL) != 0;
    }

    /** The flag without COMMIT_OFFSET: a slave must not store offsets it is handed. */
    public static int clearCommitOffset(int sysFlag) {
        return sysFlag & ~COMMIT_OFFSET;
    }
}
