package io.couriermq.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens segment files. This is the seam through which tests make the file system fail: we run as root,
 * so a read-only directory still accepts writes and only an injected failure can stand in for an
 * unwritable or full disk.
 */
@FunctionalInterface
public interface SegmentFiles {

    /**
     * Opens the file, creating it with {@code sizeBytes} (sparse) if it does not exist; an existing file
     * keeps its size, which the caller checks.
     */
    FileChannel open(Path path, int sizeBytes) throws IOException;

    /**
     * Refuses to create a new file when the disk has less room than the file needs, so that a full disk
     * shows up as a clear error instead of a SIGBUS when a sparse mapping is first written.
     */
    default SegmentFiles withSpaceCheck(DiskSpace diskSpace) {
        return (path, sizeBytes) -> {
            if (!Files.exists(path)) {
                long usable = diskSpace.usableBytes(path);
                if (usable < sizeBytes) {
                    throw new IOException(
                            "disk full: " + usable + " bytes usable, segment " + path + " needs " + sizeBytes);
                }
            }
            return open(path, sizeBytes);
        };
    }

    /**
     * The real file system. An existing file costs one system call to open: a parked consume queue is opened
     * again for each entry written while tens of thousands of queues take turns, and creating the directories
     * first on every open cost two more (mkdir failing, then a stat).
     */
    static SegmentFiles standard() {
        return (path, sizeBytes) -> {
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException missing) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            try {
                if (channel.size() == 0) {
                    channel.write(ByteBuffer.allocate(1), sizeBytes - 1L);
                }
                return channel;
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        };
    }
}
