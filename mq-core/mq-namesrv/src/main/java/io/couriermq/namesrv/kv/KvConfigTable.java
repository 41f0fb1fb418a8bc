package io.couriermq.namesrv.kv;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespaced key-value settings kept by the NameServer for the admin tools, chiefly the
 * ORDER_TOPIC_CONFIG namespace that {@code mqadmin updateTopic -o} writes. Held in memory: like the
 * routes, it is rebuilt by whoever owns it, and a NameServer keeps no files.
 */
public final class KvConfigTable {
    /** The namespace in which ordered topics record their broker:queues layout. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final Map<String, Map<String, String>> namespaces = new ConcurrentHashMap<>();

    public void put(String namespace, String key, String value) {
        namespaces
                .computeIfAbsent(namespace, ignored -> new ConcurrentHashMap<>())
                .put(key, value);
    }

    /** The value, or null when the namespace or key is unknown. */
    public String get(String namespace, String key) {
        Map<String, String> table = namespaces.get(namespace);
        return table == null ? null : table.get(key);
    }

    public void delete(String namespace, String key) {
        namespaces.computeIfPresent(namespace, (ignored, table) -> {
            table.remove(key);
            return table.isEmpty() ? null : table;
        });
    }

    /** A sorted copy of one namespace; empty when unknown. */
    public Map<String, String> namespace(String namespace) {
        Map<String, String> table = namespaces.get(namespace);
        return table == null ? Map.of() : new TreeMap<>(table);
    }
}
