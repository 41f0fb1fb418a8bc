package io.couriermq.broker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The delay of each level, level 1 first, as the broker.conf key {@value #KEY} gives them: durations
 * separated by spaces, each a whole number with a unit of {@code s}, {@code m}, {@code h} or {@code d}
 * ({@code 1s 5s 10s 30s 1m ... 2h} by default). A level above the last is clamped to the last.
 */
public final class DelayLevels {
    public static final String KEY = "messageDelayLevel";
    public static final String DEFAULT_TEXT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    public static final DelayLevels DEFAULT = parse(DEFAULT_TEXT);

    /** One queue of the schedule topic per level: more levels than this makes no sense. */
    private static final int MAX_LEVELS = 64;

    private final long[] delaysMs;

    private DelayLevels(long[] delaysMs) {
        this.delaysMs = delaysMs;
    }

    /**
     * Parses the text of {@value #KEY}.
     *
     * @throws InvalidConfigException naming the key and the bad part when the text is not a list of
     *     positive durations
     */
    public static DelayLevels parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException(KEY + " must list at least one delay such as '1s 5s 1m', was empty");
        }
        List<Long> delays = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            delays.add(parseDuration(part, text));
        }
        if (delays.size() > MAX_LEVELS) {
            throw new InvalidConfigException(
                    KEY + " may list at most " + MAX_LEVELS + " levels, has " + delays.size() + ": '" + text + "'");
        }
        return new DelayLevels(delays.stream().mapToLong(Long::longValue).toArray());
    }

    private static long parseDuration(String part, String text) {
        String problem = KEY + ": '" + part + "' in '" + text + "' is not a duration like 5s, 2m, 1h or 1d";
        if (part.length() < 2) {
            throw new InvalidConfigException(problem);
        }
        long unitMs =
                switch (part.toLowerCase(Locale.ROOT).charAt(part.length() - 1)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    case 'd' -> 86_400_000L;
                    default -> throw new InvalidConfigException(problem);
                };
        long amount;
        try {
            amount = Long.parseLong(part.substring(0, part.length() - 1));
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(problem);
        }
        if (amount <= 0 || amount > 365L * 86_400_000L / unitMs) {
            throw new InvalidConfigException(
                    KEY + ": '" + part + "' in '" + text + "' must be a positive delay of at most 365 days");
        }
        return amount * unitMs;
    }

    /** How many levels there are; the highest level is this number. */
    public int count() {
        return delaysMs.length;
    }

    /** The level a producer's level maps to: levels above the highest are clamped to it. */
    public int clamp(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("delay level must be at least 1, was " + level);
        }
        return Math.min(level, delaysMs.length);
    }

    /** The delay of a level (clamped), in milliseconds. */
    public long delayMs(int level) {
        return delaysMs[clamp(level) - 1];
    }
}
