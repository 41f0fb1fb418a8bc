package io.couriermq.compat.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timer window switch as the timer persists it: the first timer checkpoint ({@code
 * timer/checkpoint.json}, an atomic JSON file like the store checkpoint, its temp file included) whose
 * delivery cursor has reached the window starting at {@code windowStartMs}. Right after writing it the
 * timer deletes the index files of the windows passed ({@code timer/windows/<start>.timer}). The cycle sends
 * a timer message due just after that start, so the timer is busy then and persists within its 1 s.
 */
final class TimerSwitchProbe implements StoreProbe {
    private static final Pattern CURSOR = Pattern.compile("\"cursorMs\"\\s*:\\s*(\\d+)");
    private static final String WINDOW_SUFFIX = ".timer";

    private final Path checkpoint;
    private final Path temp;
    private final Path windows;
    private final long windowStartMs;
    private final Map<Path, FileStamp> lastSeen = new HashMap<>();

    TimerSwitchProbe(Path timerDirectory, long windowStartMs) {
        this.checkpoint = timerDirectory.resolve("checkpoint.json");
        this.temp = timerDirectory.resolve("checkpoint.json.tmp");
        this.windows = timerDirectory.resolve("windows");
        this.windowStartMs = windowStartMs;
        lastSeen.put(checkpoint, FileStamp.of(checkpoint));
        lastSeen.put(temp, FileStamp.of(temp));
    }

    @Override
    public String poll() {
        for (Path file : List.of(temp, checkpoint)) {
            FileStamp now = FileStamp.of(file);
            if (now == null || now.equals(lastSeen.get(file))) {
                continue;
            }
            lastSeen.put(file, now);
            long cursorMs = cursorIn(file);
            if (cursorMs >= windowStartMs) {
                return (file.equals(temp) ? "timer checkpoint being written" : "timer checkpoint written")
                        + " with its cursor " + (cursorMs - windowStartMs) + " ms into the new window";
            }
        }
        return null;
    }

    @Override
    public String leftOnDisk() {
        long cursorMs = cursorIn(checkpoint);
        String persisted = cursorMs >= windowStartMs
                ? "checkpoint.json holds the new window's cursor"
                : "checkpoint.json still holds the old window's cursor";
        return persisted + "; " + windowsBefore() + " index windows before it still on disk, "
                + (Files.exists(temp) ? "checkpoint.json.tmp present" : "no checkpoint.json.tmp");
    }

    /** The cursor the file holds; -1 when it is missing or (a temp file being written) not complete. */
    private static long cursorIn(Path file) {
        try {
            Matcher matcher = CURSOR.matcher(Files.readString(file));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }

    private long windowsBefore() {
        String[] names = windows.toFile().list((directory, name) -> name.endsWith(WINDOW_SUFFIX));
        if (names == null) {
            return 0;
        }
        long before = 0;
        for (String name : names) {
            String start = name.substring(0, name.length() - WINDOW_SUFFIX.length());
            if (start.matches("\\d+") && Long.parseLong(start) < windowStartMs) {
                before++;
            }
        }
        return before;
    }
}
