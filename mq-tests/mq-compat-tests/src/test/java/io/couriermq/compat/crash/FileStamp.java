package io.couriermq.compat.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file is and when it last changed: its inode (a rename over it gives a new one), mtime and size.
 * Two stamps differ when the file was replaced or written in between (mtime has the kernel's tick as its
 * grain, so the inode and size catch what it misses).
 */
record FileStamp(Object key, FileTime modified, long sizeBytes) {

    /** The file's stamp now, or null when there is no such file. */
    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException missing) {
            return null;
        }
    }
}
