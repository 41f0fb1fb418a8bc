package io.couriermq.remoting.netty.tls;

/** TLS settings that cannot be honoured: an unknown value, a missing or unreadable key or certificate file. */
public final class TlsConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsConfigurationException(String message) {
        super(message);
    }

    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
