package io.couriermq.remoting.netty.tls;

import io.netty.handler.codec.DecoderException;

/** A connection refused by the port's TLS mode; the connection is closed without an answer. */
public final class TlsPolicyException extends DecoderException {
    private static final long serialVersionUID = 1L;

    public TlsPolicyException(String message) {
        super(message);
    }
}
