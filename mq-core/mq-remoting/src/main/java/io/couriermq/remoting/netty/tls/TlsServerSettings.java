package io.couriermq.remoting.netty.tls;

import java.util.Locale;
import java.util.Objects;

/**
 * TLS on a server port.
 *
 * <p>Our default is {@link TlsMode#DISABLED}. Apache RocketMQ defaults to permissive with a self-signed
 * test certificate ({@code tls.test.mode.enable=true}); we deliberately do not copy that: a certificate
 * nobody can verify gives a false sense of security, so TLS is on only when a key is configured.
 *
 * @param mode disabled, permissive or enforcing
 * @param key the server's certificate chain and key; required unless disabled
 * @param clientAuth whether client certificates are asked for (mutual TLS)
 * @param clientTrust which client certificates are accepted when asked for: a CA bundle, or
 *     {@link TrustSource#anyCertificate()} as RocketMQ's {@code tls.server.authClient=false}
 */
public record TlsServerSettings(TlsMode mode, KeySource key, ClientAuthMode clientAuth, TrustSource clientTrust) {
    private static final TlsServerSettings DISABLED =
            new TlsServerSettings(TlsMode.DISABLED, null, ClientAuthMode.NONE, TrustSource.anyCertificate());

    public TlsServerSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(clientTrust, "clientTrust");
        if (mode != TlsMode.DISABLED && key == null) {
            throw new TlsConfigurationException("TLS mode " + mode.name().toLowerCase(Locale.ROOT)
                    + " needs a server key: set tls.server.certPath and tls.server.keyPath,"
                    + " or tls.server.keyStorePath");
        }
        if (clientTrust == TrustSource.jdkDefault()) {
            throw new TlsConfigurationException("client certificates are checked against a CA bundle or trust store,"
                    + " not the JDK's public CAs: set tls.server.trustCertPath");
        }
    }

    /** Plain only; TLS handshakes are closed at once. */
    public static TlsServerSettings disabled() {
        return DISABLED;
    }

    /** One-way TLS with {@code key}: no client certificates asked for. */
    public static TlsServerSettings of(TlsMode mode, KeySource key) {
        return new TlsServerSettings(mode, key, ClientAuthMode.NONE, TrustSource.anyCertificate());
    }

    public TlsServerSettings withClientAuth(ClientAuthMode auth, TrustSource trust) {
        return new TlsServerSettings(mode, key, auth, trust);
    }
}
