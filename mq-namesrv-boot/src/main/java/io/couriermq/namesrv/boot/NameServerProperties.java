package io.couriermq.namesrv.boot;

import io.couriermq.acl.AclConfig;
import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.ServerLimitsOverrides;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The NameServer's settings under {@code courier.namesrv.*}. A key under that prefix that is not one
 * of these fails start-up instead of being ignored.
 *
 * @param listenPort port for brokers and clients (RocketMQ remoting protocol)
 * @param bindAddress local address to listen on; 0.0.0.0 (the default, as RocketMQ's NameServer) listens on
 *     every interface, 127.0.0.1 on this machine only
 * @param brokerExpiryMs how long a silent broker keeps its routes, unless its registration states its own timeout
 * @param expiryScanIntervalMs how often silent brokers are looked for
 * @param workerThreads network I/O threads
 * @param maxFrameBytes largest request accepted; larger ones close the connection
 * @param idleTimeoutSeconds close connections silent for this long
 * @param preferEpoll use native epoll on Linux
 * @param orderMessageEnable add the ORDER_TOPIC_CONFIG entry to a topic's route, as the official setting does
 * @param aclEnable check the NameServer's writes (broker registrations and heartbeats, topic route and
 *     write-permission changes, KV and configuration changes): only an admin account of the accounts file,
 *     signing as RocketMQ's AclClientRPCHook does, or a white-listed address may make them. Reads (routes,
 *     cluster, topic lists, KV and configuration reads) stay open, as Apache RocketMQ 5.2.0's NameServer,
 *     which has no ACL, answers them. Off by default
 * @param aclFile the accounts file (RocketMQ's plain_acl.yml format) when acl-enable is true; unset for
 *     RocketMQ's place, $ROCKETMQ_HOME/conf/plain_acl.yml plus conf/acl/**.yml (ROCKETMQ_HOME from
 *     -Drocketmq.home.dir or the environment)
 * @param limits connections, buffered bytes and pending requests the port allows ({@code limits.*})
 */
@ConfigurationProperties(prefix = "courier.namesrv", ignoreUnknownFields = false)
public record NameServerProperties(
        @DefaultValue("9876") int listenPort,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("120000") long brokerExpiryMs,
        @DefaultValue("5000") long expiryScanIntervalMs,
        @DefaultValue("2") int workerThreads,
        @DefaultValue("16777216") int maxFrameBytes,
        @DefaultValue("120") int idleTimeoutSeconds,
        @DefaultValue("true") boolean preferEpoll,
        @DefaultValue("false") boolean orderMessageEnable,
        @DefaultValue("false") boolean aclEnable,
        String aclFile,
        @DefaultValue ServerLimitsOverrides limits) {

    NameServerConfig toConfig(TlsServerSettings tls) {
        RemotingServerConfig remoting = new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                5_000,
                tls,
                limits.toServerLimits());
        return new NameServerConfig(remoting, brokerExpiryMs, expiryScanIntervalMs, orderMessageEnable, acl());
    }

    /** Null when ACL is off; a file named without acl-enable is refused rather than silently ignored. */
    private AclConfig acl() {
        boolean fileNamed = aclFile != null && !aclFile.isBlank();
        if (!aclEnable) {
            if (fileNamed) {
                throw new IllegalArgumentException("courier.namesrv.acl-file is set but courier.namesrv.acl-enable"
                        + " is false: the NameServer would start open; set acl-enable=true or remove acl-file");
            }
            return null;
        }
        return AclConfig.defaults().withAccountsFile(fileNamed ? Path.of(aclFile.trim()) : null);
    }
}
