package io.couriermq.remoting.protocol.body;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Defensive copies for body records: null becomes empty (clients parse a null and fail later), and the
 * sender's order is kept so what we write back is what we read. Set components are also annotated
 * {@code @JsonDeserialize(as = LinkedHashSet.class)}: Jackson's default HashSet would lose that order
 * before the copy. Body records list their properties in {@code @JsonPropertyOrder} explicitly, in
 * fastjson's alphabetical order, because Jackson 3 writes record (creator) properties first and
 * ignores {@code alphabetic = true} for them.
 */
final class Copies {
    private Copies() {}

    static <T> Set<T> orderedSet(Set<T> set) {
        return set == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Queue-keyed tables sorted as the client sorts queues, so output is stable. */
    static <V> Map<MessageQueue, V> queueTable(Map<MessageQueue, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
