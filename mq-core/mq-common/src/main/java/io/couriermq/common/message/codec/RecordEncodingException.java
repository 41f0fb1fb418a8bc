package io.couriermq.common.message.codec;

/** A message cannot be encoded as a stored record; {@link #reason()} says which limit it broke. */
public final class RecordEncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which limit was broken. */
    public enum Reason {
        RECORD_TOO_LARGE,
        PROPERTIES_TOO_LONG,
        TOPIC_TOO_LONG
    }

    private final Reason reason;

    public RecordEncodingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
