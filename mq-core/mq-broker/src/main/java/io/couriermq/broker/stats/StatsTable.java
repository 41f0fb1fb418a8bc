package io.couriermq.broker.stats;

import io.couriermq.remoting.protocol.body.BrokerStatsData;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** One statistic's items by key. Thread-safe; adding to an existing key takes only that key's lock. */
final class StatsTable {
    private final Map<String, StatsItem> items = new ConcurrentHashMap<>();

    void add(String key, long nowMs, long value, long eventCount) {
        while (true) {
            StatsItem item = items.get(key);
            if (item == null) {
                item = items.computeIfAbsent(key, k -> new StatsItem(nowMs));
            }
            if (item.add(nowMs, value, eventCount)) {
                return;
            }
            items.remove(key, item); // retired by a sweep that has not removed it yet
        }
    }

    Optional<BrokerStatsData> figures(String key, long nowMs) {
        StatsItem item = items.get(key);
        return item == null ? Optional.empty() : Optional.of(item.figures(nowMs));
    }

    double minuteRate(String key, long nowMs) {
        StatsItem item = items.get(key);
        return item == null ? 0.0 : item.minuteRate(nowMs);
    }

    void dropIdle(long nowMs, long idleMs) {
        items.forEach((key, item) -> {
            if (item.retireIfIdle(nowMs, idleMs)) {
                items.remove(key, item);
            }
        });
    }

    void dropKeys(Predicate<String> gone) {
        items.keySet().removeIf(gone);
    }

    int size() {
        return items.size();
    }
}
