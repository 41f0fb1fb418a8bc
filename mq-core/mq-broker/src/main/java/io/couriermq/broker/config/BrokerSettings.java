package io.couriermq.broker.config;

import io.couriermq.remoting.netty.RemotingClientConfig;
import io.couriermq.remoting.netty.ServerLimits;
import io.couriermq.remoting.netty.tls.TlsSettings;
import io.couriermq.store.StoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a broker is configured with: its own settings, its store's, replication's, the keys that were
 * given but mean nothing to CourierMQ (reported at start-up rather than silently ignored), the broker.conf
 * it was read from, where run-time changes are written back (null when there is none), access control, and
 * TLS on its ports and its own outbound connections (RocketMQ's {@code tls.*} keys; the HA replication port
 * stays plain), and what each of its ports lets peers hold ({@link ServerLimits}).
 */
public record BrokerSettings(
        BrokerConfig broker,
        StoreConfig store,
        HaConfig ha,
        List<String> unknownKeys,
        Path configFile,
        AclSettings acl,
        TlsSettings tls,
        ServerLimits limits) {

    public BrokerSettings {
        unknownKeys = List.copyOf(unknownKeys);
        acl = acl == null ? AclSettings.disabled() : acl;
        Objects.requireNonNull(tls, "tls");
        limits = limits == null ? ServerLimits.defaults() : limits;
    }

    /** Settings with the default port limits. */
    public BrokerSettings(
            BrokerConfig broker,
            StoreConfig store,
            HaConfig ha,
            List<String> unknownKeys,
            Path configFile,
            AclSettings acl,
            TlsSettings tls) {
        this(broker, store, ha, unknownKeys, configFile, acl, tls, ServerLimits.defaults());
    }

    /** Settings without access control or TLS. */
    public BrokerSettings(
            BrokerConfig broker, StoreConfig store, HaConfig ha, List<String> unknownKeys, Path configFile) {
        this(broker, store, ha, unknownKeys, configFile, AclSettings.disabled(), TlsSettings.disabled());
    }

    /** Settings not read from a file. */
    public BrokerSettings(BrokerConfig broker, StoreConfig store, HaConfig ha, List<String> unknownKeys) {
        this(broker, store, ha, unknownKeys, null);
    }

    /** Settings without replication keys (defaults). */
    public BrokerSettings(BrokerConfig broker, StoreConfig store, List<String> unknownKeys) {
        this(broker, store, HaConfig.defaults(), unknownKeys);
    }

    /**
     * How the broker's own connections (to NameServers, a slave's to its master) are made: signed with
     * {@code innerClientAuthenticationCredentials} when given, over TLS as the {@code tls.*} keys say.
     */
    public RemotingClientConfig outboundClientConfig() {
        return RemotingClientConfig.defaults()
                .withCredentials(acl.outboundCredentials())
                .withTls(tls.outbound());
    }

    /** The same settings, read from {@code file}. */
    public BrokerSettings withConfigFile(Path file) {
        return new BrokerSettings(broker, store, ha, unknownKeys, file, acl, tls, limits);
    }

    /** The same settings with access control {@code acl}. */
    public BrokerSettings withAcl(AclSettings acl) {
        return new BrokerSettings(broker, store, ha, unknownKeys, configFile, acl, tls, limits);
    }

    /** The same settings with TLS as given. */
    public BrokerSettings withTls(TlsSettings settings) {
        return new BrokerSettings(broker, store, ha, unknownKeys, configFile, acl, settings, limits);
    }

    /** The same settings with {@code newLimits} on both client ports. */
    public BrokerSettings withLimits(ServerLimits newLimits) {
        return new BrokerSettings(broker, store, ha, unknownKeys, configFile, acl, tls, newLimits);
    }
}
