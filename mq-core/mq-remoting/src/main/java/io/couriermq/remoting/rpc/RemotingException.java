package io.couriermq.remoting.rpc;

/** A call that did not get its response: the connection failed, closed, or the peer went away. */
public class RemotingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
