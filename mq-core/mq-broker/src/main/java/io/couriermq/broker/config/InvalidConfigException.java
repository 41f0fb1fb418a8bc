package io.couriermq.broker.config;

/** A configuration value that cannot be used; the message names the key, the value and what was expected. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
