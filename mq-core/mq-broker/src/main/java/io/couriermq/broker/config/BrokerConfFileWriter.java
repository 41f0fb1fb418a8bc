package io.couriermq.broker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes changed keys into a broker.conf, keeping every other line and comment as it was: a key's line
 * (with its continuation lines) is replaced where it stands, a key not in the file is appended. The file
 * is Latin-1 as {@link java.util.Properties} reads it, and is replaced atomically.
 */
final class BrokerConfFileWriter {
    private BrokerConfFileWriter() {}

    static void update(Path file, Map<String, String> changes) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        Map<String, String> pending = new TreeMap<>(changes);
        List<String> written = new ArrayList<>(lines.size() + changes.size());
        boolean continuesPrevious = false;
        boolean droppingContinuation = false;
        for (String line : lines) {
            boolean continues = endsWithContinuation(line);
            if (continuesPrevious) {
                if (!droppingContinuation) {
                    written.add(line);
                }
            } else {
                String key = keyOf(line);
                droppingContinuation = key != null && changes.containsKey(key);
                if (droppingContinuation) {
                    written.add(line(key, changes.get(key)));
                    pending.remove(key);
                } else {
                    written.add(line);
                }
            }
            continuesPrevious = continues;
        }
        pending.forEach((key, value) -> written.add(line(key, value)));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, written, StandardCharsets.ISO_8859_1);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The key of a logical line's first physical line; null for blanks and comments. */
    static String keyOf(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(line.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String line(String key, String value) {
        return key + "=" + escape(value);
    }

    /** Enough of Properties' escaping for a value to read back as written. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\f' -> escaped.append("\\f");
                case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
                default -> {
                    if (c > 0xff) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
