package io.couriermq.compat.crash;

import java.util.Arrays;
import java.util.List;

/**
 * Where one cycle's SIGKILL is aimed: a random moment, or the first sight, from outside the broker, of one
 * store event in its directory (see {@link StoreProbe} for what each one watches).
 */
public enum KillTarget {
    RANDOM("a random moment"),
    /** The allocator creates segment N+2 the moment the writer rolls into the preallocated N+1. */
    COMMITLOG_ROLL("a commit-log segment roll"),
    /** The checkpoint is written right after the consume queues and the index were forced. */
    CHECKPOINT_WRITE("a store checkpoint write"),
    CONSUME_QUEUE_ROLL("a consume-queue file roll"),
    TIMER_SWITCH("a timer window switch");

    private final String description;

    KillTarget(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean aimed() {
        return this != RANDOM;
    }

    /** Every target watched for on disk. */
    public static List<KillTarget> aimedTargets() {
        return Arrays.stream(values()).filter(KillTarget::aimed).toList();
    }
}
