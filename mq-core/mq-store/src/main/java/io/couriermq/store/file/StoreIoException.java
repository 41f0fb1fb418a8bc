package io.couriermq.store.file;

import io.couriermq.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/** A file could not be created, mapped, written or forced: the disk is full, gone or read-only. */
public final class StoreIoException extends StoreException {
    private static final long serialVersionUID = 1L;

    private static final String NO_SPACE = "No space left on device";

    public StoreIoException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Writing bytes {@code from..to} of {@code path} failed: "disk full: no space ..." when the file system
     * said so (health checks and callers look for that start), otherwise "cannot allocate space ...".
     */
    public static StoreIoException writing(Path path, long from, long to, IOException e) {
        String problem = NO_SPACE.equals(e.getMessage()) ? "disk full: no space" : "cannot allocate space";
        return new StoreIoException(
                problem + " for bytes " + from + ".." + to + " of " + path + " (" + e.getMessage() + ")", e);
    }
}
