package io.couriermq.broker.boot;

import java.nio.file.Path;

/** The broker.conf given with {@code -c} cannot be used; the message names the path and why. */
final class BrokerConfigFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    BrokerConfigFileException(Path path, String reason, Throwable cause) {
        super("broker config file " + path.toAbsolutePath() + " cannot be read: " + reason, cause);
        this.path = path;
    }

    Path path() {
        return path;
    }
}
