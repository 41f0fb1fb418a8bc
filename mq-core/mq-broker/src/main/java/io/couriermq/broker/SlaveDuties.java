package io.couriermq.broker;

import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.ha.SlaveWriteGuard;
import io.couriermq.broker.registry.MasterLocator;
import io.couriermq.broker.registry.NameServerRegistrar;
import io.couriermq.broker.replica.MasterMetadataSync;
import io.couriermq.broker.replica.SlaveMetadata;
import io.couriermq.common.time.Clock;
import io.couriermq.remoting.netty.NettyRemotingClient;
import io.couriermq.remoting.rpc.RequestProcessor;

/**
 * What a broker does as a slave beyond copying the log: find its master, refuse writes, and copy the
 * master's metadata. On a master every method is a no-op but {@link #masterHaAddress()}, which is then
 * never asked.
 */
final class SlaveDuties {
    private final boolean slave;
    private final MasterLocator locator;
    private final SlaveWriteGuard guard;
    private MasterMetadataSync metadataSync;

    SlaveDuties(BrokerSettings settings, boolean slave, Clock clock) {
        this.slave = slave;
        this.locator = new MasterLocator(settings.ha().haMasterAddress(), clock);
        this.guard = slave ? new SlaveWriteGuard(settings.broker().brokerName(), locator::address) : null;
    }

    /** The master's HA address, for the replication client. */
    String masterHaAddress() {
        return locator.haAddress();
    }

    /** A slave refuses writes; a master runs every processor as it is. */
    RequestProcessor guard(RequestProcessor processor) {
        return guard == null ? processor : guard.guard(processor);
    }

    /** Once registered: learn the master from the NameServers' answers and, on a slave, copy its metadata. */
    void start(NameServerRegistrar registrar, NettyRemotingClient outbound, SlaveMetadata metadata, Clock clock) {
        locator.attach(registrar);
        if (slave) {
            metadataSync = new MasterMetadataSync(
                    outbound, locator::address, metadata, clock, MasterMetadataSync.DEFAULT_INTERVAL_MS);
            metadataSync.start();
        }
    }

    /** Stops the metadata copy; call before the outbound client closes. */
    void shutdown() {
        if (metadataSync != null) {
            metadataSync.shutdown();
            metadataSync = null;
        }
        locator.detach();
    }
}
