package io.couriermq.remoting.protocol.codec;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A frame that cannot be a remoting command: bad lengths, an unknown serialize type, a header that is
 * not what its type says. The connection it came from can no longer be trusted and is closed.
 */
public final class RemotingDecodingException extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    public RemotingDecodingException(String message) {
        super(message);
    }

    public RemotingDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
