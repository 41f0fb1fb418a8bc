package io.couriermq.broker.transaction;

import java.util.Map;
import java.util.TreeMap;

/**
 * The checker's durable position, written atomically after each round that changed it.
 *
 * @param halfOffset every half message below this queue offset is resolved (or discarded)
 * @param opOffset op records below this offset concern only half messages below {@code halfOffset}
 * @param checkCounts check-backs sent so far, by half-queue offset of the still unresolved messages
 */
record TransactionProgress(long halfOffset, long opOffset, Map<Long, Integer> checkCounts) {

    TransactionProgress {
        checkCounts = checkCounts == null ? Map.of() : Map.copyOf(new TreeMap<>(checkCounts));
    }

    static TransactionProgress initial() {
        return new TransactionProgress(0, 0, Map.of());
    }
}
