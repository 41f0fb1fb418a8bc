package io.couriermq.compat.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every acknowledged (SEND_OK) send by key, with the CRC32 and length of the body sent, and the check that
 * a read of the topic holds each of them intact.
 */
public final class AckLedger {
    private final Map<String, Expected> acknowledged = new ConcurrentHashMap<>();

    /** What an acknowledged send stored. */
    public record Expected(long crc, int length) {}

    public void acknowledged(String key, byte[] body) {
        acknowledged.put(key, new Expected(CrashBody.crc(body), body.length));
    }

    /**
     * Adds the acknowledgements our producer process wrote ({@code key crc length} per line); a last line
     * still being written has fewer fields and is taken at the next call.
     */
    public void addFromFile(Path ackFile) {
        if (!Files.exists(ackFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(ackFile, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ");
                if (fields.length == 3 && !fields[2].isEmpty()) {
                    acknowledged.putIfAbsent(
                            fields[0], new Expected(Long.parseLong(fields[1]), Integer.parseInt(fields[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read our producer's acknowledgements " + ackFile, e);
        }
    }

    public int size() {
        return acknowledged.size();
    }

    /** The acknowledged keys as they are now (sends keep being acknowledged while this runs). */
    public Map<String, Expected> snapshot() {
        return Map.copyOf(acknowledged);
    }

    /**
     * What is wrong with {@code reader}'s view of {@code expected}: keys never read (lost) and keys whose
     * every stored copy differs from the body sent (corrupt); empty when all is well.
     */
    public static List<String> problems(Map<String, Expected> expected, TopicReader reader) {
        List<String> problems = new ArrayList<>();
        expected.forEach((key, sent) -> {
            List<TopicReader.Seen> copies = reader.seen(key);
            if (copies.isEmpty()) {
                problems.add("lost: " + key);
            } else if (copies.stream()
                    .noneMatch(copy -> copy.intact() && copy.crc() == sent.crc() && copy.length() == sent.length())) {
                problems.add("corrupt: " + key + " sent " + sent + ", read " + copies);
            }
        });
        return problems;
    }
}
