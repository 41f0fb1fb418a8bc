package io.couriermq.remoting.netty.tls;

import java.util.Locale;

/** Whether a TLS server asks for client certificates: RocketMQ's {@code tls.server.need.client.auth}. */
public enum ClientAuthMode {
    NONE,
    /** A certificate is asked for; a client without one still connects. */
    OPTIONAL,
    /** Mutual TLS: a client without a (trusted) certificate fails the handshake. */
    REQUIRE;

    public static ClientAuthMode parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigurationException(key + " must be none, optional or require, was '" + value + "'", e);
        }
    }
}
