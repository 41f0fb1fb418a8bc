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

    /** A known key one typing mistake away from {@code unknownKey}, to suggest in the warning. */
    static Optional<String> closest(String unknownKey) {
        String wanted = canonical(unknownKey);
        return KNOWN_BY_CANONICAL.entrySet().stream()
                .filter(known -> distance(wanted, known.getKey()) <= 1)
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

    /**
     * Edit distance counting a swap of neighbours as one edit (optimal string alignment), the usual typo:
     * {@code listenProt} is one edit from {@code listenPort}, a different key such as haListenPort is two.
     */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
