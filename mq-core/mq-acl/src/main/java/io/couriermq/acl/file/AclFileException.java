package io.couriermq.acl.file;

import java.nio.file.Path;

/** An accounts file that cannot be used, with the file, the 1-based line (0 when unknown) and the problem. */
public final class AclFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    public AclFileException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public AclFileException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
