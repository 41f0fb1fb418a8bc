package io.couriermq.client;

import io.couriermq.remoting.netty.tls.KeySource;
import io.couriermq.remoting.netty.tls.TlsClientSettings;
import io.couriermq.remoting.netty.tls.TrustSource;
import io.couriermq.remoting.security.Credentials;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ClientRuntime} connects to and how. Producers and consumers built with the same runtime
 * share its connections, route cache and heartbeats.
 *
 * @param nameServerAddresses NameServers as host:port, tried in order with failover
 * @param instanceName distinguishes runtimes in one process; part of the client id brokers see
 * @param clientIp the address put in the client id (and born host); the local host by default
 * @param requestTimeoutMs default timeout of a request to a NameServer or broker
 * @param ioThreads Netty event-loop threads
 * @param routeRefreshIntervalMs how often routes of topics in use are refreshed
 * @param heartbeatIntervalMs how often every broker of a route in use gets a heartbeat
 * @param credentials signs every request of the runtime (RocketMQ ACL 1.0: AccessKey, Signature and
 *     SecurityToken ext fields); null sends unsigned requests. {@link Credentials#toString()} never shows
 *     the secret key, so neither does this record's.
 * @param tls TLS on every connection (NameServers and brokers alike) or none; see {@link TlsClientSettings}.
 *     When enabled, the server's chain is checked (the JDK trust store unless a CA bundle or trust store is
 *     given) and so is its hostname, unless turned off: stricter than the official client, which never
 *     checks the hostname and trusts any certificate unless {@code tls.client.authServer=true}
 */
public record ClientConfig(
        List<String> nameServerAddresses,
        String instanceName,
        String clientIp,
        long requestTimeoutMs,
        int ioThreads,
        long routeRefreshIntervalMs,
        long heartbeatIntervalMs,
        Credentials credentials,
        TlsClientSettings tls) {

    public ClientConfig {
        Objects.requireNonNull(tls, "tls");
        nameServerAddresses = List.copyOf(nameServerAddresses);
        if (nameServerAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one NameServer address (host:port) is required");
        }
        for (String address : nameServerAddresses) {
            if (address.isBlank() || address.lastIndexOf(':') <= 0) {
                throw new IllegalArgumentException("NameServer address must be host:port, was '" + address + "'");
            }
        }
        if (instanceName == null || instanceName.isBlank()) {
            throw new IllegalArgumentException("instanceName must not be blank");
        }
        positive("requestTimeoutMs", requestTimeoutMs);
        positive("ioThreads", ioThreads);
        positive("routeRefreshIntervalMs", routeRefreshIntervalMs);
        positive("heartbeatIntervalMs", heartbeatIntervalMs);
    }

    /** Plain connections, unsigned requests (no credentials). */
    public ClientConfig(
            List<String> nameServerAddresses,
            String instanceName,
            String clientIp,
            long requestTimeoutMs,
            int ioThreads,
            long routeRefreshIntervalMs,
            long heartbeatIntervalMs) {
        this(
                nameServerAddresses,
                instanceName,
                clientIp,
                requestTimeoutMs,
                ioThreads,
                routeRefreshIntervalMs,
                heartbeatIntervalMs,
                null,
                TlsClientSettings.disabled());
    }

    /** The instance name when none is given; each runtime then gets a unique id of its own. */
    public static final String DEFAULT_INSTANCE_NAME = "DEFAULT";

    /** Settings with defaults for the NameServer list {@code "host:port;host:port"}. */
    public static Builder builder(String nameServers) {
        return new Builder(nameServers);
    }

    /**
     * {@code ip@instanceName}, as the official client forms a client id; stable across restarts, so
     * broadcasting consumers key their local offset files by it. The id a runtime announces is {@link
     * ClientRuntime#clientId()}.
     */
    public String clientId() {
        return clientIp + "@" + instanceName;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Builds a {@link ClientConfig}; every setting has a default except the NameServers. */
    public static final class Builder {
        private final List<String> nameServers;
        private String instanceName = DEFAULT_INSTANCE_NAME;
        private String clientIp = LocalAddress.guess();
        private long requestTimeoutMs = 3_000;
        private int ioThreads = 2;
        private long routeRefreshIntervalMs = 30_000;
        private long heartbeatIntervalMs = 30_000;
        private Credentials credentials;
        private TlsClientSettings tls = TlsClientSettings.disabled();

        private Builder(String nameServers) {
            if (nameServers == null || nameServers.isBlank()) {
                throw new IllegalArgumentException("at least one NameServer address (host:port) is required");
            }
            this.nameServers = Arrays.stream(nameServers.split(";"))
                    .map(String::trim)
                    .filter(address -> !address.isEmpty())
                    .toList();
        }

        public Builder instanceName(String instanceName) {
            this.instanceName = instanceName;
            return this;
        }

        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        public Builder requestTimeoutMs(long requestTimeoutMs) {
            this.requestTimeoutMs = requestTimeoutMs;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder routeRefreshIntervalMs(long routeRefreshIntervalMs) {
            this.routeRefreshIntervalMs = routeRefreshIntervalMs;
            return this;
        }

        public Builder heartbeatIntervalMs(long heartbeatIntervalMs) {
            this.heartbeatIntervalMs = heartbeatIntervalMs;
            return this;
        }

        /** Signs every request with these ACL credentials; null (the default) sends unsigned requests. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Signs every request with this access key and secret key (no security token). */
        public Builder credentials(String accessKey, String secretKey) {
            return credentials(new Credentials(accessKey, secretKey));
        }

        /** TLS as given: {@link TlsClientSettings#disabled()} (the default) or any settings built from it. */
        public Builder tls(TlsClientSettings settings) {
            this.tls = Objects.requireNonNull(settings, "tls");
            return this;
        }

        /** TLS on, checking servers against the JDK trust store and their hostnames. */
        public Builder useTls() {
            return useTls(TrustSource.jdkDefault());
        }

        /** TLS on, trusting the CAs in {@code trust} (a PEM bundle or a PKCS12 trust store). */
        public Builder useTls(TrustSource trust) {
            return tls(new TlsClientSettings(true, trust, tls.clientKey(), tls.verifyHostname()));
        }

        /** The certificate presented for mutual TLS; TLS must be on. */
        public Builder tlsClientKey(KeySource key) {
            return tls(tls.withClientKey(key));
        }

        /** Whether the server's certificate must name the host connected to (on by default). */
        public Builder tlsHostnameVerification(boolean verify) {
            return tls(tls.withHostnameVerification(verify));
        }

        public ClientConfig build() {
            if (!tls.enabled() && tls.clientKey() != null) {
                throw new IllegalArgumentException("a TLS client key is set but TLS is off: call useTls(...) too");
            }
            return new ClientConfig(
                    nameServers,
                    instanceName,
                    clientIp,
                    requestTimeoutMs,
                    ioThreads,
                    routeRefreshIntervalMs,
                    heartbeatIntervalMs,
                    credentials,
                    tls);
        }
    }
}
