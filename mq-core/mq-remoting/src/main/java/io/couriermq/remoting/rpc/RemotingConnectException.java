package io.couriermq.remoting.rpc;

/** No connection could be made to the address. Nothing was sent. */
public final class RemotingConnectException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
