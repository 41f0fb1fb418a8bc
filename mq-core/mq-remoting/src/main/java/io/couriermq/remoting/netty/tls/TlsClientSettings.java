package io.couriermq.remoting.netty.tls;

import java.util.Objects;

/**
 * TLS on a client's connections: on for every connection (NameServers and brokers alike) or for none,
 * as in RocketMQ.
 *
 * <p>Our default when enabled is stricter than the official client's: the server's chain is checked
 * against the JDK trust store unless another trust source is given, and the server's name must match the
 * address connected to (HTTPS endpoint identification: a DNS or IP subject alternative name). The
 * official 5.2.0 client never checks the hostname and, unless {@code tls.client.authServer=true}, trusts
 * every certificate.
 *
 * @param enabled whether connections use TLS
 * @param trust which server certificates are accepted
 * @param clientKey certificate and key presented for mutual TLS; null presents none
 * @param verifyHostname whether the server certificate must name the host connected to
 */
public record TlsClientSettings(boolean enabled, TrustSource trust, KeySource clientKey, boolean verifyHostname) {
    private static final TlsClientSettings DISABLED =
            new TlsClientSettings(false, TrustSource.jdkDefault(), null, true);

    public TlsClientSettings {
        Objects.requireNonNull(trust, "trust");
    }

    public static TlsClientSettings disabled() {
        return DISABLED;
    }

    /** TLS with the JDK's trust store and hostname verification. */
    public static TlsClientSettings verifyingServer() {
        return new TlsClientSettings(true, TrustSource.jdkDefault(), null, true);
    }

    public TlsClientSettings withTrust(TrustSource source) {
        return new TlsClientSettings(enabled, source, clientKey, verifyHostname);
    }

    public TlsClientSettings withClientKey(KeySource key) {
        return new TlsClientSettings(enabled, trust, key, verifyHostname);
    }

    public TlsClientSettings withHostnameVerification(boolean verify) {
        return new TlsClientSettings(enabled, trust, clientKey, verify);
    }
}
