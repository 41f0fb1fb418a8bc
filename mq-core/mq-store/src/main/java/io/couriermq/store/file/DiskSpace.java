package io.couriermq.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How full the disk under a path is. A seam: tests report a full disk without filling one. */
public interface DiskSpace {

    /** Used fraction of the file system, 0.0 to 1.0. */
    double usedRatio(Path path);

    /** Bytes a new file may still take. */
    long usableBytes(Path path);

    /** The real file system. */
    static DiskSpace standard() {
        return new DiskSpace() {
            @Override
            public double usedRatio(Path path) {
                FileStore store = fileStore(path);
                try {
                    long total = store.getTotalSpace();
                    return total == 0 ? 0.0 : 1.0 - (double) store.getUsableSpace() / total;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read disk usage of " + path, e);
                }
            }

            @Override
            public long usableBytes(Path path) {
                try {
                    return fileStore(path).getUsableSpace();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read free space of " + path, e);
                }
            }

            private FileStore fileStore(Path path) {
                try {
                    Path existing = path;
                    while (existing != null && !Files.exists(existing)) {
                        existing = existing.getParent();
                    }
                    return Files.getFileStore(existing == null ? path : existing);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot find the file system of " + path, e);
                }
            }
        };
    }
}
