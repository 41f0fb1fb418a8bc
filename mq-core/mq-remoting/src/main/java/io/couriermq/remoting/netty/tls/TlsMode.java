package io.couriermq.remoting.netty.tls;

import java.util.Locale;

/**
 * What a server port does with TLS, as RocketMQ's {@code tls.server.mode} names it. The mode is chosen
 * per connection from its first byte: a TLS record starts with 0x16 (handshake), a remoting frame with
 * the top byte of its length, 0x00 for any frame under 16 MiB.
 */
public enum TlsMode {
    /** Plain only; a TLS handshake is closed at once (not read as a 369 MB frame length). */
    DISABLED,
    /** TLS and plain on one port. */
    PERMISSIVE,
    /** TLS only; a plain connection is closed at once, unanswered. */
    ENFORCING;

    /**
     * Parses RocketMQ's spelling (case-insensitive). RocketMQ takes an unknown value for permissive; we
     * refuse it, since a typo must not silently open a port to plain traffic.
     */
    public static TlsMode parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigurationException(
                    key + " must be disabled, permissive or enforcing, was '" + value + "'", e);
        }
    }
}
