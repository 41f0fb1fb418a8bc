package io.couriermq.tools.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which acknowledged messages must be consumed and which must never be, and what the consumers saw.
 * Sends and deliveries race (a consumer may see a message before its send returns), so the two sides
 * are kept apart and only compared at the end.
 */
final class SoakLedger {
    private static final int LISTED = 10;

    private final Map<Long, MessageKind> mustArrive = new ConcurrentHashMap<>();
    private final Set<Long> mustNotArrive = ConcurrentHashMap.newKeySet();
    private final Set<Long> consumed = ConcurrentHashMap.newKeySet();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final Map<MessageKind, AtomicLong> byKind = new EnumMap<>(MessageKind.class);

    SoakLedger() {
        for (MessageKind kind : MessageKind.values()) {
            byKind.put(kind, new AtomicLong());
        }
    }

    void acknowledged(long id, MessageKind kind) {
        byKind.get(kind).incrementAndGet();
        if (kind.delivered()) {
            mustArrive.put(id, kind);
        } else {
            mustNotArrive.add(id);
        }
    }

    void sendFailed() {
        failedSends.incrementAndGet();
    }

    void consumed(long id) {
        deliveries.incrementAndGet();
        consumed.add(id);
    }

    void corrupt() {
        corrupt.incrementAndGet();
    }

    long acknowledged() {
        return mustArrive.size() + mustNotArrive.size();
    }

    /** Acknowledged messages by kind, in the kinds' order. */
    Map<String, Long> acknowledgedByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byKind.forEach((kind, count) -> counts.put(kind.name(), count.get()));
        return counts;
    }

    long failedSends() {
        return failedSends.get();
    }

    long consumedCount() {
        return consumed.size();
    }

    long deliveries() {
        return deliveries.get();
    }

    /** Acknowledged messages that must arrive and have not yet. */
    long outstanding() {
        return mustArrive.keySet().stream().filter(id -> !consumed.contains(id)).count();
    }

    /** The reasons the run failed on messages; empty when every promise was kept. */
    List<String> violations() {
        List<String> reasons = new ArrayList<>();
        List<Long> missing = mustArrive.keySet().stream()
                .filter(id -> !consumed.contains(id))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            reasons.add(missing.size() + " acknowledged message(s) never consumed, e.g. " + describe(missing));
        }
        List<Long> rolledBack =
                mustNotArrive.stream().filter(consumed::contains).sorted().toList();
        if (!rolledBack.isEmpty()) {
            reasons.add(rolledBack.size() + " rolled-back transactional message(s) delivered, e.g. ids "
                    + rolledBack.subList(0, Math.min(LISTED, rolledBack.size())));
        }
        if (corrupt.get() > 0) {
            reasons.add(corrupt.get() + " delivered message(s) failed their body checksum");
        }
        return reasons;
    }

    private String describe(List<Long> ids) {
        List<String> described = ids.subList(0, Math.min(LISTED, ids.size())).stream()
                .map(id -> id + " (" + mustArrive.get(id) + ")")
                .toList();
        return String.join(", ", described);
    }
}
