package io.couriermq.remoting.netty;

import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.security.Credentials;
import java.util.Objects;

/**
 * Settings of a remoting client.
 *
 * @param workerThreads event-loop threads for I/O
 * @param connectTimeoutMs how long to wait for a TCP connection
 * @param maxFrameBytes largest frame accepted from a server
 * @param idleTimeoutSeconds close a connection with no traffic for this long; 0 disables
 * @param preferEpoll use native epoll when available
 * @param credentials signs every request sent (RocketMQ ACL 1.0); null sends them unsigned
 * @param tls TLS on every connection, or on none
 */
public record RemotingClientConfig(
        int workerThreads,
        int connectTimeoutMs,
        int maxFrameBytes,
        int idleTimeoutSeconds,
        boolean preferEpoll,
        Credentials credentials,
        TlsClientSettings tls) {

    public RemotingClientConfig {
        Objects.requireNonNull(tls, "tls");
        if (workerThreads < 1 || connectTimeoutMs < 1 || maxFrameBytes < 1024 || idleTimeoutSeconds < 0) {
            throw new IllegalArgumentException("invalid remoting client config: " + workerThreads + " threads, "
                    + connectTimeoutMs + " ms connect timeout, " + maxFrameBytes + " bytes max frame, "
                    + idleTimeoutSeconds + " s idle timeout");
        }
    }

    /** Unsigned requests. */
    public RemotingClientConfig(
            int workerThreads, int connectTimeoutMs, int maxFrameBytes, int idleTimeoutSeconds, boolean preferEpoll) {
        this(workerThreads, connectTimeoutMs, maxFrameBytes, idleTimeoutSeconds, preferEpoll, null);
    }

    /** Plain connections. */
    public RemotingClientConfig(
            int workerThreads,
            int connectTimeoutMs,
            int maxFrameBytes,
            int idleTimeoutSeconds,
            boolean preferEpoll,
            Credentials credentials) {
        this(
                workerThreads,
                connectTimeoutMs,
                maxFrameBytes,
                idleTimeoutSeconds,
                preferEpoll,
                credentials,
                TlsClientSettings.disabled());
    }

    public static RemotingClientConfig defaults() {
        return new RemotingClientConfig(1, 3_000, RemotingServerConfig.DEFAULT_MAX_FRAME_BYTES, 120, true);
    }

    /** The same settings, signing every request with {@code credentials} (null: unsigned). */
    public RemotingClientConfig withCredentials(Credentials credentials) {
        return new RemotingClientConfig(
                workerThreads, connectTimeoutMs, maxFrameBytes, idleTimeoutSeconds, preferEpoll, credentials, tls);
    }

    /** The same settings with TLS as given ({@link TlsClientSettings#disabled()}: plain). */
    public RemotingClientConfig withTls(TlsClientSettings settings) {
        return new RemotingClientConfig(
                workerThreads, connectTimeoutMs, maxFrameBytes, idleTimeoutSeconds, preferEpoll, credentials, settings);
    }
}
