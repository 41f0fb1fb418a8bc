package io.couriermq.store.queue;

import io.couriermq.store.file.StoreIoException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every consume queue ends, written at a clean stop so that the next start knows each queue's
 * segments, end and min offset without mapping and searching it (with tens of thousands of queues that
 * search was most of a restart). One text line per queue after a header that carries the count, so a
 * truncated file is refused. Used once: the next start reads it only after a clean stop (no abort marker)
 * and deletes it, so it can never describe a store that has changed since.
 */
final class QueueEnds {
    private static final Logger log = LoggerFactory.getLogger(QueueEnds.class);
    private static final String HEADER = "# couriermq consume-queue ends v1";

    /** One queue: its first segment's start, one past its last byte, its min offset, and its lower bound. */
    record End(
            String topic, int queueId, long firstSegmentOffset, long endOffset, long minOffset, long lowestCommitLog) {}

    private QueueEnds() {}

    /** Writes the file through a temporary one, forced, then renamed over it. */
    static void write(Path file, int segmentSizeBytes, Collection<End> ends) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER + " segmentSize=" + segmentSizeBytes + " count=" + ends.size() + "\n");
                for (End end : ends) {
                    out.write(end.topic() + " " + end.queueId() + " " + end.firstSegmentOffset() + " " + end.endOffset()
                            + " " + end.minOffset() + " " + end.lowestCommitLog() + "\n");
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreIoException("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * The ends in {@code file} if it is whole and written for {@code segmentSizeBytes}; empty when it is
     * missing or not to be trusted (then every queue is found by listing its files). Deletes the file.
     */
    static Optional<List<End>> readOnce(Path file, int segmentSizeBytes) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), segmentSizeBytes);
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring {}: {}; every consume queue is found by listing its files", file, e.toString());
            return Optional.empty();
        } finally {
            discard(file);
        }
    }

    /** Deletes the file unread (after a crash it describes an older store); always empty. */
    static Optional<List<End>> discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    private static Optional<List<End>> parse(List<String> lines, int segmentSizeBytes) {
        String expected = HEADER + " segmentSize=" + segmentSizeBytes + " count=" + (lines.size() - 1);
        if (lines.isEmpty() || !lines.get(0).equals(expected)) {
            log.warn(
                    "consume-queue ends not used: header '{}' where '{}' was expected",
                    lines.isEmpty() ? "" : lines.get(0),
                    expected);
            return Optional.empty();
        }
        List<End> ends = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(" ");
            if (fields.length != 6) {
                throw new IllegalArgumentException("bad line '" + line + "'");
            }
            ends.add(new End(
                    fields[0],
                    Integer.parseInt(fields[1]),
                    Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]),
                    Long.parseLong(fields[4]),
                    Long.parseLong(fields[5])));
        }
        return Optional.of(ends);
    }
}
