package io.couriermq.broker.replica;

/** The master answered, but not with what a sync can apply: an error code or a malformed body. */
final class MasterAnswerException extends RuntimeException {
    MasterAnswerException(String message) {
        super(message);
    }

    MasterAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
