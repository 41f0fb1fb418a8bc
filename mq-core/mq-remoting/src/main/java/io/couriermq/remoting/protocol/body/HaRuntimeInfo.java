package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * GET_BROKER_HA_STATUS response ({@code mqadmin haStatus}), with RocketMQ 5.2.0's property names. A
 * master lists its slave connections; a slave describes its link to the master.
 *
 * @param master whether the answering broker is a master
 * @param masterCommitLogMaxOffset the master's commit-log end (a master's own; a slave's last known)
 * @param inSyncSlaveNums slaves within {@code haMaxGapNotInSync} of the master
 * @param haConnectionInfo on a master: one entry per connected slave
 * @param haClientRuntimeInfo on a slave: its replication client; null on a master
 */
@JsonPropertyOrder({"haClientRuntimeInfo", "haConnectionInfo", "inSyncSlaveNums", "master", "masterCommitLogMaxOffset"})
public record HaRuntimeInfo(
        boolean master,
        long masterCommitLogMaxOffset,
        int inSyncSlaveNums,
        List<HaConnectionRuntimeInfo> haConnectionInfo,
        HaClientRuntimeInfo haClientRuntimeInfo) {

    public HaRuntimeInfo {
        haConnectionInfo = Copies.list(haConnectionInfo);
    }

    /**
     * One slave as its master sees it.
     *
     * @param addr the slave's address
     * @param slaveAckOffset the commit-log offset the slave last reported as stored
     * @param diff master's max offset minus {@code slaveAckOffset}
     * @param inSync whether {@code diff} is within {@code haMaxGapNotInSync}
     * @param transferredByteInSecond bytes sent to the slave in the last second
     * @param transferFromWhere the offset the master started sending from
     */
    @JsonPropertyOrder({"addr", "diff", "inSync", "slaveAckOffset", "transferFromWhere", "transferredByteInSecond"})
    public record HaConnectionRuntimeInfo(
            String addr,
            long slaveAckOffset,
            long diff,
            boolean inSync,
            long transferredByteInSecond,
            long transferFromWhere) {}

    /**
     * A slave's replication client. (RocketMQ's class also has an {@code isActivated} field, but without
     * an accessor fastjson never writes it, so it is not part of the wire shape.)
     *
     * @param masterAddr the master's HA address; null (left out) while unknown
     * @param transferredByteInSecond bytes received in the last second
     * @param maxOffset the slave's commit-log end
     * @param lastReadTimestamp when the slave last read from the master (ms)
     * @param lastWriteTimestamp when the slave last reported its offset (ms)
     * @param masterFlushOffset the master's flushed offset as last reported (5.x; 0 in classic HA)
     */
    @JsonPropertyOrder({
        "lastReadTimestamp",
        "lastWriteTimestamp",
        "masterAddr",
        "masterFlushOffset",
        "maxOffset",
        "transferredByteInSecond"
    })
    public record HaClientRuntimeInfo(
            String masterAddr,
            long transferredByteInSecond,
            long maxOffset,
            long lastReadTimestamp,
            long lastWriteTimestamp,
            long masterFlushOffset) {}
}
