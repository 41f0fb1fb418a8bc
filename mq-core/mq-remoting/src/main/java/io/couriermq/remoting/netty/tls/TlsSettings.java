package io.couriermq.remoting.netty.tls;

import java.util.Objects;

/**
 * A server process's TLS: its listening ports and its own outbound connections (to NameServers, a slave
 * to its master), both read from the same {@code tls.*} keys by {@link TlsProperties}.
 */
public record TlsSettings(TlsServerSettings server, TlsClientSettings outbound) {
    private static final TlsSettings DISABLED =
            new TlsSettings(TlsServerSettings.disabled(), TlsClientSettings.disabled());

    public TlsSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(outbound, "outbound");
    }

    public static TlsSettings disabled() {
        return DISABLED;
    }
}
