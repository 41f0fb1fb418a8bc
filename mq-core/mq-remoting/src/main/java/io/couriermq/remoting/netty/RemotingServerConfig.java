package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.TlsServerSettings;
import java.util.Objects;

/**
 * Settings of a remoting server.
 *
 * @param bindAddress address to listen on; "0.0.0.0" for all
 * @param listenPort port to listen on; 0 picks a free one (see {@link NettyRemotingServer#localPort()})
 * @param workerThreads event-loop threads for I/O (processors run on their own executors)
 * @param maxFrameBytes largest frame accepted, counted after the length field; larger ones close the connection
 * @param idleTimeoutSeconds a connection with no traffic in either direction for this long is closed; 0 disables
 * @param preferEpoll use native epoll when available
 * @param shutdownGraceMs how long shutdown waits for requests in progress to be answered
 * @param tls TLS on this port (disabled, permissive, enforcing); see {@link TlsServerSettings}
 * @param limits connections, buffered bytes and pending requests the port allows; see {@link ServerLimits}
 */
public record RemotingServerConfig(
        String bindAddress,
        int listenPort,
        int workerThreads,
        int maxFrameBytes,
        int idleTimeoutSeconds,
        boolean preferEpoll,
        long shutdownGraceMs,
        TlsServerSettings tls,
        ServerLimits limits) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    public RemotingServerConfig {
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be 0..65535, was " + listenPort);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, was " + workerThreads);
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        }
        if (idleTimeoutSeconds < 0 || shutdownGraceMs < 0) {
            throw new IllegalArgumentException("idleTimeoutSeconds and shutdownGraceMs must not be negative");
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
    }

    /** With the default {@link ServerLimits}. */
    public RemotingServerConfig(
            String bindAddress,
            int listenPort,
            int workerThreads,
            int maxFrameBytes,
            int idleTimeoutSeconds,
            boolean preferEpoll,
            long shutdownGraceMs,
            TlsServerSettings tls) {
        this(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                ServerLimits.defaults());
    }

    /** Without TLS. */
    public RemotingServerConfig(
            String bindAddress,
            int listenPort,
            int workerThreads,
            int maxFrameBytes,
            int idleTimeoutSeconds,
            boolean preferEpoll,
            long shutdownGraceMs) {
        this(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                TlsServerSettings.disabled());
    }

    /** Listen on all addresses of {@code port} with the defaults RocketMQ users expect. */
    public static RemotingServerConfig defaults(int port) {
        return new RemotingServerConfig("0.0.0.0", port, 2, DEFAULT_MAX_FRAME_BYTES, 120, true, 5_000);
    }

    public RemotingServerConfig withBindAddress(String address) {
        return new RemotingServerConfig(
                address,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                limits);
    }

    public RemotingServerConfig withMaxFrameBytes(int bytes) {
        return new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                bytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                limits);
    }

    public RemotingServerConfig withIdleTimeoutSeconds(int seconds) {
        return new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                seconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                limits);
    }

    public RemotingServerConfig withPreferEpoll(boolean epoll) {
        return new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                epoll,
                shutdownGraceMs,
                tls,
                limits);
    }

    public RemotingServerConfig withListenPort(int port) {
        return new RemotingServerConfig(
                bindAddress,
                port,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                limits);
    }

    public RemotingServerConfig withTls(TlsServerSettings settings) {
        return new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                settings,
                limits);
    }

    public RemotingServerConfig withLimits(ServerLimits newLimits) {
        return new RemotingServerConfig(
                bindAddress,
                listenPort,
                workerThreads,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                shutdownGraceMs,
                tls,
                newLimits);
    }
}
