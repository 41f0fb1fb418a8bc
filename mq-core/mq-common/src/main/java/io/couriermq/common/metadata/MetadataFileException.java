package io.couriermq.common.metadata;

/** A metadata file could not be written, or neither it nor its backup could be read. */
public final class MetadataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetadataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
