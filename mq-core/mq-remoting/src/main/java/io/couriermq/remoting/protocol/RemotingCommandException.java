package io.couriermq.remoting.protocol;

/**
 * A command that is well framed but unusable: a required header field missing or not a number, a
 * body that does not parse. The receiver answers it with an error response; the connection stays.
 */
public class RemotingCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
