package io.couriermq.store.checkpoint;

import io.couriermq.store.file.StoreIoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An empty file that exists while the store runs: found at start-up, it means the last run did not shut
 * down cleanly and recovery must check records (CRC included) rather than trust the checkpoint.
 */
public final class AbortMarker {
    private final Path path;

    public AbortMarker(Path path) {
        this.path = path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    public void create() {
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new StoreIoException("cannot create abort marker " + path, e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StoreIoException("cannot delete abort marker " + path, e);
        }
    }
}
