package io.couriermq.compat.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The figures of issue 15's table, each selectable with {@code --only <key>}. */
enum Figure {
    SYNC("sync"),
    ASYNC("async"),
    BATCH("batch"),
    SYNC_FLUSH("sync-flush"),
    MANY_TOPICS("many-topics"),
    DRAIN("drain"),
    LATENCY("latency"),
    RSS("rss"),
    LAUNCH("launch");

    private final String key;

    Figure(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** {@code sync,launch} to the figures named, in table order; a name not known is an error naming it. */
    static Set<Figure> parseList(String list) {
        Set<String> names = Arrays.stream(list.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one figure, one of " + keys());
        }
        for (String name : names) {
            if (Arrays.stream(values()).noneMatch(figure -> figure.key.equals(name))) {
                throw new IllegalArgumentException("--only: unknown figure '" + name + "', expected some of " + keys());
            }
        }
        return Arrays.stream(values())
                .filter(figure -> names.contains(figure.key))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String keys() {
        return Arrays.stream(values()).map(Figure::key).collect(Collectors.joining(","));
    }
}
