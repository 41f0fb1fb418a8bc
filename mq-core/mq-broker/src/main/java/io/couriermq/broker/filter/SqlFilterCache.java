package io.couriermq.broker.filter;

import io.couriermq.filter.sql92.FilterParseException;
import io.couriermq.filter.sql92.Sql92Expression;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled SQL92 expressions per (group, topic, expression): every pull of a SQL92 consumer needs its
 * filter, and compiling once per pull would cost more than the filtering. Bounded: when full it is
 * cleared and refills from the subscriptions still in use (a change of expression makes a new key, so
 * old ones are only ever dropped, never served stale).
 */
public final class SqlFilterCache {
    private final int maxEntries;
    private final ConcurrentHashMap<Key, Sql92Expression> compiled = new ConcurrentHashMap<>();

    public SqlFilterCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The compiled expression.
     *
     * @throws FilterParseException when it does not compile (failures are not cached)
     */
    public Sql92Expression compile(String group, String topic, String expression) {
        Key key = new Key(group, topic, expression);
        Sql92Expression cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        Sql92Expression fresh = Sql92Expression.compile(expression);
        if (compiled.size() >= maxEntries) {
            compiled.clear();
        }
        compiled.putIfAbsent(key, fresh);
        return fresh;
    }

    int size() {
        return compiled.size();
    }

    private record Key(String group, String topic, String expression) {}
}
