package io.couriermq.remoting.rpc;

/** No response arrived within the caller's timeout. The request may or may not have been processed. */
public final class RemotingTimeoutException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingTimeoutException(String message) {
        super(message);
    }
}
