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
 * @param metrics SYNC_MASTER outcomes
 */
public record ReplicationStatus(
        String role,
        long maxOffset,
        String masterHaAddress,
        boolean masterReachable,
        List<ReplicationServer.SlaveStatus> slaves,
        long transferredBytes,
        ReplicationMetrics metrics) {

    public ReplicationStatus {
        slaves = List.copyOf(slaves);
    }

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
