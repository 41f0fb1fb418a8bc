package io.couriermq.broker.boot;

import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.ServerLimitsOverrides;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The standalone NameServer's settings, under the same {@code courier.namesrv.*} names as the NameServer
 * application, so {@code --courier.namesrv.listen-port=N} means the same thing in both. Read only with
 * {@code --standalone}; a mistyped key fails start-up, as it does there.
 *
 * @param listenPort port for brokers and clients; 0 picks a free one
 * @param bindAddress address to listen on
 * @param limits connections, buffered bytes and pending requests its port allows ({@code limits.*}), as in
 *     the NameServer application; the broker's own ports take theirs from broker.conf
 */
@ConfigurationProperties(prefix = EmbeddedNameServerProperties.PREFIX, ignoreUnknownFields = false)
record EmbeddedNameServerProperties(
        @DefaultValue("9876") int listenPort,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue ServerLimitsOverrides limits) {
    static final String PREFIX = "courier.namesrv";

    NameServerConfig toConfig(TlsServerSettings tls) {
        NameServerConfig defaults = NameServerConfig.defaults(listenPort);
        RemotingServerConfig remoting =
                defaults.remoting().withBindAddress(bindAddress).withTls(tls).withLimits(limits.toServerLimits());
        return new NameServerConfig(
                remoting, defaults.brokerExpiryMs(), defaults.expiryScanIntervalMs(), defaults.orderMessageEnable());
    }
}
