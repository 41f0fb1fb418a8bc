package io.couriermq.harness.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Per-test directories under {@code target/compat-work}: process logs stay there for a post-mortem,
 * data directories (the broker's memory-mapped store) are deleted when the process is closed.
 */
public final class WorkDir {

    private WorkDir() {}

    public static Path root() {
        return Path.of(System.getProperty(
                "compat.work.dir", Jvm.moduleDir().resolve("target/compat-work").toString()));
    }

    /** A fresh, empty directory {@code root/name}; leftovers of an earlier run are removed. */
    public static Path fresh(String name) {
        Path dir = root().resolve(name);
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new directory {@code root/prefix<random>} for files a test leaves behind (a consumer's offset
     * files): under the build's target directory, not the machine's /tmp, so a run leaves nothing there.
     */
    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(root()), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static void writeProperties(Path file, Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach(
                (key, value) -> text.append(key).append('=').append(value).append(System.lineSeparator()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
