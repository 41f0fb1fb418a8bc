package io.couriermq.broker.ha;

import io.couriermq.broker.config.BrokerConfig;
import io.couriermq.broker.config.BrokerRole;
import io.couriermq.broker.config.HaConfig;
import io.couriermq.broker.pull.ReplicaReadAdvice;
import io.couriermq.common.lifecycle.BackgroundService;
import io.couriermq.common.time.Clock;
import io.couriermq.store.CommitLogReplica;
import io.couriermq.store.MessageStore;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Replication for one broker, by role: a master opens the HA port (and, as SYNC_MASTER, holds client puts
 * until a slave confirms them); a slave puts its store in replica mode and follows its master.
 */
public final class ReplicationService {
    private static final long EXPIRY_SWEEP_MS = 20;

    private final BrokerRole role;
    private final CommitLogReplica replica;
    private final ReplicationMetrics metrics = new ReplicationMetrics();
    private final SyncReplicationWaiters waiters = new SyncReplicationWaiters();
    private final Clock clock;
    private final long syncFlushTimeoutMs;
    private ReplicationServer server;
    private ReplicationClient client;
    private BackgroundService expiry;

    private ReplicationService(BrokerRole role, CommitLogReplica replica, Clock clock, long syncFlushTimeoutMs) {
        this.role = role;
        this.replica = replica;
        this.clock = clock;
        this.syncFlushTimeoutMs = syncFlushTimeoutMs;
    }

    /**
     * Starts the role's side.
     *
     * @param bindAddress the interface the HA port listens on (the remoting server's)
     * @param masterHaAddress for a slave: where its master's HA port is (haMasterAddress, else what the
     *     NameServer answered); null while unknown
     */
    public static ReplicationService start(
            BrokerConfig broker,
            HaConfig ha,
            String bindAddress,
            CommitLogReplica replica,
            Clock clock,
            long syncFlushTimeoutMs,
            Supplier<String> masterHaAddress) {
        ReplicationService service = new ReplicationService(broker.brokerRole(), replica, clock, syncFlushTimeoutMs);
        if (broker.brokerRole() == BrokerRole.SLAVE) {
            replica.setReplicaMode(true);
            service.client = new ReplicationClient(replica, ha, clock, masterHaAddress);
            service.client.start();
        } else {
            replica.setReplicaMode(false);
            service.server = new ReplicationServer(replica, ha, clock, service.waiters);
            service.server.start(bindAddress, ha.effectivePort(broker.listenPort()));
            if (broker.brokerRole() == BrokerRole.SYNC_MASTER) {
                service.expiry = new BackgroundService("ha-sync-expiry", EXPIRY_SWEEP_MS) {
                    @Override
                    protected void runOnce() {
                        service.waiters.expire(clock.millis());
                    }
                };
                service.expiry.start();
            }
        }
        return service;
    }

    /** The store client writes go through: SYNC_MASTER waits for a slave; other roles write as they are. */
    public MessageStore forClientWrites(MessageStore store) {
        if (role != BrokerRole.SYNC_MASTER) {
            return store;
        }
        return new SyncReplicatedStore(store, server, waiters, metrics, clock, syncFlushTimeoutMs);
    }

    /** Which replica pulls are pointed at, by this broker's role and {@code slaveReadEnable}. */
    public ReplicaReadAdvice readAdvice(HaConfig ha) {
        return readAdvice(ha, ha::slaveReadEnable);
    }

    /** As {@link #readAdvice(HaConfig)} with {@code slaveReadEnable} read afresh on every decision. */
    public ReplicaReadAdvice readAdvice(HaConfig ha, BooleanSupplier slaveReadEnable) {
        return new ReplicaReadAdvice(
                isSlave(),
                slaveReadEnable,
                this::masterReachable,
                replica::maxOffset,
                ReplicaReadAdvice.slowLagBytes(ha.accessMessageInMemoryMaxRatio()));
    }

    public boolean isSlave() {
        return role == BrokerRole.SLAVE;
    }

    /** A slave: whether its master's frames arrive. A master: true. */
    public boolean masterReachable() {
        return client == null || client.masterReachable();
    }

    /** The bound HA port of a master; -1 on a slave. */
    public int haPort() {
        return server == null ? -1 : server.localPort();
    }

    public ReplicationStatus status() {
        return new ReplicationStatus(
                role.name(),
                replica.maxOffset(),
                client == null ? null : client.masterAddress(),
                masterReachable(),
                server == null ? List.of() : server.slaves(),
                server != null ? server.transferredBytes() : client.receivedBytes(),
                client == null
                        ? null
                        : new ReplicationStatus.MasterLink(
                                client.lastReceiveMillis(), client.lastReportMillis(), client.receivedPerSecond()),
                metrics);
    }

    public void shutdown() {
        if (expiry != null) {
            expiry.shutdown();
        }
        waiters.close();
        if (server != null) {
            server.shutdown();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
