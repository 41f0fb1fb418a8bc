package io.couriermq.common.message.codec;

/** Bytes that should hold a stored record or a batch body do not. */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
