package io.couriermq.broker.config;

import io.couriermq.store.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides an UPDATE_BROKER_CONFIG request: every key must be one that can change while the broker runs,
 * and every value must be valid, or nothing changes. Only keys whose readers look at the current value
 * are in {@link #RUNTIME_KEYS}; a key read once at start-up (ports, names, the store's layout, thread
 * pools, intervals of running loops) would look changed in GET_BROKER_CONFIG and still not be in force.
 */
public final class BrokerConfigUpdate {
    /**
     * brokerPermission: sends and the NameServer registration; autoCreateTopicEnable: sends and the
     * TBW102 template; autoCreateSubscriptionGroup: the group manager; slaveReadEnable: the pull advice;
     * the retention keys: the store's next retention round.
     */
    public static final Set<String> RUNTIME_KEYS = Set.of(
            "brokerPermission",
            "autoCreateTopicEnable",
            "autoCreateSubscriptionGroup",
            "slaveReadEnable",
            "fileReservedTime",
            "deleteWhen",
            "diskMaxUsedSpaceRatio",
            "diskSpaceWarningLevelRatio");

    private static final Set<String> KNOWN_KEYS = Set.copyOf(BrokerSettingsLoader.knownKeys());

    /** The settings after the update, or why it was refused. */
    public record Outcome(BrokerSettings settings, Refusal refusal) {
        public boolean isRefused() {
            return refusal != null;
        }
    }

    /** Why nothing changed, naming the key (and the value when that was the problem). */
    public record Refusal(Reason reason, String message) {}

    public enum Reason {
        UNKNOWN_KEY,
        FIXED_KEY,
        INVALID_VALUE
    }

    private BrokerConfigUpdate() {}

    /** The keys a request may change, sorted, for documentation and messages. */
    public static List<String> runtimeKeys() {
        return RUNTIME_KEYS.stream().sorted().toList();
    }

    public static Outcome apply(BrokerSettings current, Map<String, String> requested) {
        Map<String, String> sorted = new TreeMap<>(requested);
        for (String key : sorted.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                return refused(Reason.UNKNOWN_KEY, "unknown key '" + key + "'");
            }
            if (!RUNTIME_KEYS.contains(key)) {
                return refused(
                        Reason.FIXED_KEY,
                        "key '" + key + "' cannot change at run time (keys that can: " + runtimeKeys() + ")");
            }
        }
        Map<String, String> base = BrokerConfigProperties.of(current);
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            Map<String, String> one = new TreeMap<>(base);
            one.put(entry.getKey(), entry.getValue());
            try {
                load(one, current);
            } catch (RuntimeException e) {
                return refused(
                        Reason.INVALID_VALUE,
                        "invalid value '" + entry.getValue() + "' for key '" + entry.getKey() + "': " + e.getMessage());
            }
        }
        Map<String, String> all = new TreeMap<>(base);
        all.putAll(sorted);
        try {
            return new Outcome(load(all, current), null);
        } catch (RuntimeException e) {
            return refused(Reason.INVALID_VALUE, "invalid values " + sorted + " together: " + e.getMessage());
        }
    }

    /** The loader checks types and ranges; the retention policy checks what the store reads. */
    private static BrokerSettings load(Map<String, String> entries, BrokerSettings current) {
        BrokerSettings loaded = BrokerSettingsLoader.load(
                entries, current.store().storePathRootDir(), current.broker().brokerIP1());
        RetentionPolicy.of(loaded.store());
        return new BrokerSettings(
                loaded.broker(),
                loaded.store(),
                loaded.ha(),
                current.unknownKeys(),
                current.configFile(),
                current.acl(),
                current.tls());
    }

    private static Outcome refused(Reason reason, String message) {
        return new Outcome(null, new Refusal(reason, message));
    }
}
