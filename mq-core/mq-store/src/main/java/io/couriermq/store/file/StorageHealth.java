package io.couriermq.store.file;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store may accept puts, and why not. Reads never consult it: a full disk stops writes,
 * not reads. A full disk clears itself when the periodic check sees space again; an I/O failure is
 * retried by the next put (creating a segment again), so it is reported here but does not block puts.
 */
public final class StorageHealth {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);

    private volatile boolean shutdown;
    private volatile String diskFull;
    private volatile String ioFailure;
    private volatile double diskUsedRatio;

    public void markShutdown() {
        shutdown = true;
    }

    /**
     * Records the latest usage of the disk holding {@code storeRoot}; refuses puts while it is at or
     * above {@code refuseAtRatio}. The reason names the directory, so an operator knows which disk.
     */
    public void diskUsage(Path storeRoot, double usedRatio, double refuseAtRatio) {
        diskUsedRatio = usedRatio;
        if (usedRatio >= refuseAtRatio) {
            String reason = "disk full: the disk of " + storeRoot + " is " + Math.round(usedRatio * 100)
                    + "% used, at or above diskSpaceWarningLevelRatio " + Math.round(refuseAtRatio * 100) + "%";
            if (diskFull == null) {
                log.error("{}: refusing puts until space returns", reason);
            }
            diskFull = reason;
        } else if (diskFull != null) {
            log.warn(
                    "the disk of {} is {}% used, below the limit again: accepting puts",
                    storeRoot, Math.round(usedRatio * 100));
            diskFull = null;
        }
    }

    public void ioFailed(String reason) {
        if (ioFailure == null) {
            log.error("store cannot write: {}", reason);
        }
        ioFailure = reason;
    }

    public void ioSucceeded() {
        if (ioFailure != null) {
            log.warn("store can write again after: {}", ioFailure);
            ioFailure = null;
        }
    }

    /** Why puts are refused right now, or null if they are accepted. */
    public String refusalReason() {
        if (shutdown) {
            return "store is shut down";
        }
        return diskFull;
    }

    /** Refusal reason, else the last I/O failure, else empty. */
    public String problem() {
        String refusal = refusalReason();
        if (refusal != null) {
            return refusal;
        }
        String failure = ioFailure;
        return failure == null ? "" : failure;
    }

    public double diskUsedRatio() {
        return diskUsedRatio;
    }
}
