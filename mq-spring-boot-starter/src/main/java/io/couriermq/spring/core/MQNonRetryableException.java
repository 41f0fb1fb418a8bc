package io.couriermq.spring.core;

/**
 * Thrown by a listener when retrying cannot help (a malformed payload, a rule the message breaks): the
 * message goes to the group's dead-letter queue at once instead of being retried.
 */
public class MQNonRetryableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MQNonRetryableException(String message) {
        super(message);
    }

    public MQNonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
