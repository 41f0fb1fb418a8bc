/**
 * Master/slave replication, wire-compatible with Apache RocketMQ's classic HA.
 *
 * <p>The slave connects to the master's HA port and reports its commit-log max offset as 8 big-endian
 * bytes: at connect, after each append and every {@code haSendHeartbeatInterval}. The master answers with
 * frames of a 12-byte header (8-byte start offset, 4-byte size) followed by that many raw log bytes, never
 * across a segment end; a frame of size 0 is the idle heartbeat. The first report picks the start: the
 * slave's max offset, or for an empty slave the start of the master's last segment. The slave closes on a
 * frame that does not start at its max offset; either side closes after {@code haHousekeepingInterval} of
 * silence.
 *
 * <p>{@link io.couriermq.broker.ha.ReplicationServer} and {@link io.couriermq.broker.ha.SlaveConnection}
 * are the master's side, {@link io.couriermq.broker.ha.ReplicationClient} the slave's; {@link
 * io.couriermq.broker.ha.SyncReplicationWaiters} holds SYNC_MASTER puts until a slave acknowledges them.
 */
package io.couriermq.broker.ha;
