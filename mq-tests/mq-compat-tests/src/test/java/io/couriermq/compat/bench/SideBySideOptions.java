package io.couriermq.compat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side run's command line: {@code --rounds 2 --size 1024 --duration 20s --warmup 5s --backlog
 * 1000000 --rate 10000 --launches 3 --topics 10000 --only sync,launch --out DIR}. A bad value is an error naming the option.
 */
record SideBySideOptions(
        int rounds,
        int sizeBytes,
        Duration duration,
        Duration warmup,
        long backlog,
        int rate,
        int launches,
        int topics,
        Set<Figure> figures,
        Path outDir,
        List<String> args) {

    static final String USAGE = "SideBySide [--rounds N (2)] [--size BYTES (1024)] [--duration 20s] [--warmup 5s]"
            + " [--backlog N (1000000)] [--rate MSG_PER_S (10000)] [--launches N (3)] [--topics N (10000)]"
            + " [--only " + Figure.keys() + "]"
            + " [--out DIR (target/side-by-side)]";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    static SideBySideOptions parse(List<String> args) {
        int rounds = 2;
        int size = 1024;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        long backlog = 1_000_000;
        int rate = 10_000;
        int launches = 3;
        int topics = 10_000;
        Set<Figure> figures = Figure.parseList(Figure.keys());
        Path out = Path.of("target/side-by-side");
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
            }
            String value = args.get(i + 1);
            switch (option) {
                case "--rounds" -> rounds = positive(option, value);
                case "--size" -> size = positive(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--backlog" -> backlog = positive(option, value);
                case "--rate" -> rate = positive(option, value);
                case "--launches" -> launches = positive(option, value);
                case "--topics" -> topics = positive(option, value);
                case "--only" -> figures = Figure.parseList(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; usage: " + USAGE);
            }
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        return new SideBySideOptions(
                rounds, size, duration, warmup, backlog, rate, launches, topics, figures, out, List.copyOf(args));
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, was '" + value + "'");
    }

    private static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " needs a duration like 500ms, 20s or 2m, was '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** The {@code --duration} form the load generator takes. */
    static String benchDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
