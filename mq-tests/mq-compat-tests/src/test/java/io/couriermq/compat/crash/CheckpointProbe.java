package io.couriermq.compat.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A store checkpoint being written. Every {@code flushIntervalConsumeQueue} (1 s) the checkpoint service
 * forces the consume queues and the index, then writes the checkpoint as an atomic JSON file: {@code
 * checkpoint.tmp} written and forced, {@code checkpoint} moved to {@code checkpoint.bak}, the temp file
 * moved over {@code checkpoint}, the directory forced. A temp file newer than the one at the start is the
 * write in progress; a {@code checkpoint} with another stamp is one just written (its temp file lived
 * between two polls).
 */
final class CheckpointProbe implements StoreProbe {
    private final Path checkpoint;
    private final Path temp;
    private final Path backup;
    private final FileStamp checkpointBefore;
    /** A temp file left by an earlier kill is not a write in progress. */
    private final FileStamp tempBefore;

    CheckpointProbe(Path checkpoint) {
        this.checkpoint = checkpoint;
        this.temp = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
        this.backup = checkpoint.resolveSibling(checkpoint.getFileName() + ".bak");
        this.checkpointBefore = FileStamp.of(checkpoint);
        this.tempBefore = FileStamp.of(temp);
    }

    @Override
    public String poll() {
        FileStamp tempNow = FileStamp.of(temp);
        if (tempNow != null && !tempNow.equals(tempBefore)) {
            return "checkpoint.tmp being written (" + tempNow.sizeBytes() + " bytes)";
        }
        FileStamp checkpointNow = FileStamp.of(checkpoint);
        if (checkpointNow != null && !checkpointNow.equals(checkpointBefore)) {
            return "checkpoint just replaced";
        }
        return null;
    }

    @Override
    public String leftOnDisk() {
        String files = String.join(
                ", ",
                Stream.of(checkpoint, temp, backup)
                        .filter(Files::exists)
                        .map(path -> path.getFileName().toString())
                        .toList());
        FileStamp tempNow = FileStamp.of(temp);
        String state = !Files.exists(checkpoint)
                ? "checkpoint missing: recovery must fall back to checkpoint.bak"
                : tempNow != null && !Objects.equals(tempNow, tempBefore)
                        ? "killed mid-write: a new checkpoint.tmp was not moved yet"
                        : "the checkpoint was in place";
        return "files " + files + "; " + state;
    }
}
