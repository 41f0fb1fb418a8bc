package io.couriermq.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses {@code <mode> --name value ...} into {@link BenchOptions}; every mistake is a {@link UsageException}. */
public final class BenchOptionsParser {
    private static final Set<String> NAMES = Set.of(
            "namesrv",
            "topic",
            "threads",
            "size",
            "duration",
            "messages",
            "in-flight",
            "batch",
            "rate",
            "group",
            "queues",
            "from-offset",
            "transport");

    private BenchOptionsParser() {}

    public static String usage() {
        return String.join(
                "\n",
                "bench <mode> --namesrv host:port --topic T [options]",
                "  modes: produce-sync | produce-async | produce-oneway | produce-batch | consume | latency",
                "  --threads N       sending (or pulling) threads, default 32",
                "  --size BYTES      message body size, default 1024",
                "  --duration D      run time: 30s, 500ms, 2m (default 30s; consume: until caught up)",
                "  --messages N      stop after N messages instead",
                "  --in-flight N     async sends awaiting an answer at most, default 2000",
                "  --batch N         messages per batch send, default 64",
                "  --rate N          messages per second in latency mode, default 1000",
                "  --group G         producer and consumer group, default bench_group",
                "  --queues N        queues per broker when the topic is created, default 8",
                "  --from-offset N   consume from this offset instead of each queue's minimum",
                "  --transport T     client (our client library; default for sending modes) or remoting (raw",
                "                    requests; default for consume)");
    }

    public static BenchOptions parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("missing mode");
        }
        BenchMode mode =
                BenchMode.fromCliName(args[0]).orElseThrow(() -> new UsageException("unknown mode '" + args[0] + "'"));
        Map<String, String> values = pairs(args);
        long messages = positiveLong(values, "messages", 0);
        Duration duration = values.containsKey("duration")
                ? duration(values.get("duration"))
                : (messages > 0 || mode == BenchMode.CONSUME ? null : BenchOptions.DEFAULT_DURATION);
        return new BenchOptions(
                mode,
                required(values, "namesrv"),
                required(values, "topic"),
                positiveInt(values, "threads", 32),
                positiveInt(values, "size", 1024),
                duration,
                messages,
                positiveInt(values, "in-flight", 2000),
                positiveInt(values, "batch", 64),
                positiveInt(values, "rate", 1000),
                values.getOrDefault("group", "bench_group"),
                positiveInt(values, "queues", 8),
                values.containsKey("from-offset") ? positiveLong(values, "from-offset", 0) : -1,
                values.get("transport"));
    }

    private static Map<String, String> pairs(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String flag = args[i];
            String name = flag.startsWith("--") ? flag.substring(2) : flag;
            if (!flag.startsWith("--") || !NAMES.contains(name)) {
                throw new UsageException("unknown option '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option '" + flag + "' needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return values;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static int positiveInt(Map<String, String> values, String name, int fallback) {
        long value = positiveLong(values, name, fallback);
        if (value > Integer.MAX_VALUE || (value == 0 && values.containsKey(name))) {
            throw new UsageException("--" + name + " must be between 1 and " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private static long positiveLong(Map<String, String> values, String name, long fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new UsageException("--" + name + " must not be negative: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is not a number: " + text);
        }
    }

    static Duration duration(String text) {
        try {
            Duration parsed;
            if (text.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                parsed = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(text));
            }
            if (parsed.isNegative() || parsed.isZero()) {
                throw new UsageException("--duration must be positive: " + text);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--duration is not a duration (30s, 500ms, 2m): " + text);
        }
    }
}
