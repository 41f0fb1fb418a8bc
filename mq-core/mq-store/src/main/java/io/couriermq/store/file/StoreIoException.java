package io.couriermq.store.file;

import io.couriermq.store.StoreException;

/** A file could not be created, mapped, written or forced: the disk is full, gone or read-only. */
public final class StoreIoException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
