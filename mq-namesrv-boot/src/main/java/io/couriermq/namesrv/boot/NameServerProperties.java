package io.couriermq.namesrv.boot;

import io.couriermq.namesrv.NameServerConfig;
import io.couriermq.remoting.netty.RemotingServerConfig;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
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
        @DefaultValue("false") boolean orderMessageEnable) {

    NameServerConfig toConfig(TlsServerSettings tls) {
        RemotingServerConfig remoting = new RemotingServerConfig(
                bindAddress, listenPort, workerThreads, maxFrameBytes, idleTimeoutSeconds, preferEpoll, 5_000, tls);
        return new NameServerConfig(remoting, brokerExpiryMs, expiryScanIntervalMs, orderMessageEnable);
    }
}
