package io.couriermq.broker.boot.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile as its instructions (continuation lines joined, comments dropped). */
record Dockerfile(Path path, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {}

    /** {@code COPY <source> <destination>}, the form the images use (no flags, no JSON array). */
    record Copy(String source, String destination) {}

    static Dockerfile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            current.setLength(0);
        }
        return new Dockerfile(path, List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    List<Copy> copies() {
        return all("COPY").stream()
                .map(arguments -> arguments.split("\\s+"))
                .map(parts -> new Copy(parts[0], parts[parts.length - 1]))
                .toList();
    }

    /** Jars copied in from a module's build output, as {@code <module>/target/<name>.jar}. */
    List<Copy> jarCopies() {
        return copies().stream()
                .filter(copy -> copy.source().matches("[^/]+/target/[^/]+\\.jar"))
                .toList();
    }

    boolean hasHealthcheck() {
        return all("HEALTHCHECK").stream()
                .anyMatch(arguments -> !arguments.strip().equalsIgnoreCase("NONE"));
    }

    /** The last USER, or root when there is none. */
    String user() {
        List<String> users = all("USER");
        return users.isEmpty() ? "root" : users.get(users.size() - 1).strip();
    }
}
