package io.couriermq.client;

/**
 * Every failure the client reports. {@link #isRetriable()} says whether the same request may succeed if
 * tried again (a timeout, a busy or unreachable broker) or never will (a refused message, a missing
 * topic). {@link #responseCode()} is the broker's answer when there was one, else -1.
 */
public class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int responseCode;
    private final boolean retriable;

    public ClientException(String message, int responseCode, boolean retriable, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
        this.retriable = retriable;
    }

    public ClientException(String message, int responseCode, boolean retriable) {
        this(message, responseCode, retriable, null);
    }

    public int responseCode() {
        return responseCode;
    }

    public boolean isRetriable() {
        return retriable;
    }
}
