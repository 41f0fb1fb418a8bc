package io.couriermq.common.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON metadata file (topics, groups, offsets) that is never left half-written.
 *
 * <p>A write goes to {@code <file>.tmp}, is forced to disk, the current file becomes {@code <file>.bak},
 * and the temp file is renamed over the main name; the directory is then forced so the renames survive a
 * crash. A crash at any point leaves either the new file or the previous one as {@code .bak}, which
 * {@link #read} falls back to when the main file is missing or does not parse.
 *
 * <p>Writes are serialized by this object; use one instance per file.
 */
public final class AtomicJsonFile {
    private static final Logger log = LoggerFactory.getLogger(AtomicJsonFile.class);
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;
    private final Path backup;
    private final Path temp;

    public AtomicJsonFile(Path file) {
        this.file = file.toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + ".bak");
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    public Path path() {
        return file;
    }

    public synchronized void write(Object value) {
        try {
            Files.createDirectories(file.getParent());
            writeDurably(temp, MAPPER.writeValueAsBytes(value));
            if (Files.exists(file)) {
                move(file, backup);
            }
            move(temp, file);
            forceDirectory(file.getParent());
        } catch (IOException | JacksonException e) {
            throw new MetadataFileException("cannot write metadata file " + file, e);
        }
    }

    public <T> Optional<T> read(Class<T> type) {
        return read(bytes -> MAPPER.readValue(bytes, type));
    }

    public <T> Optional<T> read(TypeReference<T> type) {
        return read(bytes -> MAPPER.readValue(bytes, type));
    }

    private <T> Optional<T> read(Parser<T> parser) {
        Optional<T> main = tryRead(file, parser);
        if (main.isPresent()) {
            return main;
        }
        Optional<T> previous = tryRead(backup, parser);
        if (previous.isPresent()) {
            log.warn("metadata file {} is missing or corrupt; using the previous version {}", file, backup);
            return previous;
        }
        if (Files.exists(file) || Files.exists(backup)) {
            throw new MetadataFileException("neither " + file + " nor " + backup + " is readable", null);
        }
        return Optional.empty();
    }

    private <T> Optional<T> tryRead(Path path, Parser<T> parser) {
        try {
            return Optional.ofNullable(parser.parse(Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            log.warn("cannot read metadata file {}: {}", path, e.toString());
            return Optional.empty();
        }
    }

    private static void writeDurably(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable; some platforms cannot open a directory, which is then skipped. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("cannot force directory {}: {}", directory, e.toString());
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(byte[] bytes) throws IOException;
    }
}
