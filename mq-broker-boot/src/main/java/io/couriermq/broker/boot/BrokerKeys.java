package io.couriermq.broker.boot;

import io.couriermq.broker.config.BrokerSettingsLoader;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a {@code courier.broker.*} property name onto the broker.conf key it means. Spring allows
 * {@code listen-port}, {@code listenPort} and {@code LISTENPORT} (environment variables) for one
 * setting; broker.conf keys are camelCase and case-sensitive, so names are compared without case,
 * dashes or underscores against the keys the loader knows.
 */
final class BrokerKeys {
    /** Boot-level switches under the same prefix; they are not broker.conf keys. */
    private static final Set<String> BOOT_KEYS = Set.of("configfile", "standalone");

    private static final Map<String, String> KNOWN_BY_CANONICAL = new TreeMap<>();

    static {
        BrokerSettingsLoader.knownKeys().forEach(key -> KNOWN_BY_CANONICAL.put(canonical(key), key));
    }

    private BrokerKeys() {}

    static boolean isBootKey(String propertyKey) {
        return BOOT_KEYS.contains(canonical(propertyKey));
    }

    /** The broker.conf key for a property name; an unknown name comes back camelCased, for the warning. */
    static String toBrokerKey(String propertyKey) {
        String known = KNOWN_BY_CANONICAL.get(canonical(propertyKey));
        return known != null ? known : camelCase(propertyKey);
    }

    /** A known key one or two typing mistakes away from {@code unknownKey}, to suggest in the warning. */
    static Optional<String> closest(String unknownKey) {
        String wanted = canonical(unknownKey);
        return KNOWN_BY_CANONICAL.entrySet().stream()
                .filter(known -> distance(wanted, known.getKey()) <= 2)
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String canonical(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String camelCase(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Levenshtein distance; keys are short, so the plain table is fine. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
