package io.couriermq.broker.ha;

import java.util.List;

/**
 * Replication as one broker sees it, for the admin view, health and metrics.
 *
 * @param role the broker's role
 * @param maxOffset this broker's commit-log max offset
 * @param masterHaAddress a slave's master HA address (null on a master, or while unknown)
 * @param masterReachable a slave: whether frames from the master arrive; a master: true
 * @param slaves a master's connected slaves
 * @param transferredBytes log bytes a master sent, or a slave received, since start
 * @param masterLink a slave's link to its master (null on a master)
 * @param metrics SYNC_MASTER outcomes
 */
public record ReplicationStatus(
        String role,
        long maxOffset,
        String masterHaAddress,
        boolean masterReachable,
        List<ReplicationServer.SlaveStatus> slaves,
        long transferredBytes,
        MasterLink masterLink,
        ReplicationMetrics metrics) {

    public ReplicationStatus {
        slaves = List.copyOf(slaves);
    }

    /**
     * A slave's link: when it last heard from its master and reported to it (epoch ms), and how fast
     * the log arrives.
     */
    public record MasterLink(long lastReceiveMillis, long lastReportMillis, long bytesPerSecond) {}

    public long slavesInSync() {
        return slaves.stream().filter(ReplicationServer.SlaveStatus::inSync).count();
    }

    /** The largest lag of a connected slave in bytes; 0 with none. */
    public long maxLagBytes() {
        return slaves.stream()
                .mapToLong(ReplicationServer.SlaveStatus::lagBytes)
                .max()
                .orElse(0);
    }
}
