package io.couriermq.store.checkpoint;

import io.couriermq.common.metadata.AtomicJsonFile;
import io.couriermq.common.metadata.MetadataFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint on disk, as readable JSON written atomically with the previous version kept (so a crash
 * while writing it falls back to the one before, which is merely older and still true).
 */
public final class CheckpointFile {
    private static final Logger log = LoggerFactory.getLogger(CheckpointFile.class);

    private final AtomicJsonFile file;

    public CheckpointFile(Path path) {
        this.file = new AtomicJsonFile(path);
    }

    /** The last checkpoint, or {@link Checkpoint#EMPTY} (recover from the start) if there is none. */
    public Checkpoint read() {
        try {
            return file.read(Checkpoint.class).orElse(Checkpoint.EMPTY);
        } catch (MetadataFileException e) {
            log.warn("checkpoint {} unreadable, recovering from the start of the store: {}", file.path(), e.toString());
            return Checkpoint.EMPTY;
        }
    }

    public synchronized void write(Checkpoint checkpoint) {
        file.write(checkpoint);
    }
}
