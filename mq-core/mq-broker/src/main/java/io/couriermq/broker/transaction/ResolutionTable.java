package io.couriermq.broker.transaction;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which half messages are resolved, by half-queue offset — the one place that decides "first outcome
 * wins": a commit, a rollback and the checker's discard all {@link #claim} the offset, and only the
 * first claim proceeds. Entries below the checker's progress are forgotten; the op records make the
 * table durable (it is rebuilt from them at start).
 *
 * <p>Each entry remembers the op-queue offset of its op record (or, while the record is being written, a
 * lower bound of it), so the replay start can advance past op records nobody needs any more.
 */
final class ResolutionTable {

    /** One resolved (or being resolved) half message; outcome null when only "resolved long ago" is known. */
    record Resolution(TransactionOutcome outcome, long opOffset, boolean confirmed) {
        String describe() {
            return outcome == null ? "resolved" : outcome.description();
        }
    }

    private final ConcurrentMap<Long, Resolution> byHalfOffset = new ConcurrentHashMap<>();

    /** Every half offset below it is resolved for good and no longer has an entry. */
    private volatile long floor;

    /**
     * Claims {@code halfOffset} for {@code outcome}. Empty when the claim won; otherwise the resolution
     * that was there first.
     *
     * @param opOffsetLowerBound the op queue's max offset now: the op record will land at or after it
     */
    synchronized Optional<Resolution> claim(long halfOffset, TransactionOutcome outcome, long opOffsetLowerBound) {
        if (halfOffset < floor) {
            return Optional.of(new Resolution(null, -1, true));
        }
        return Optional.ofNullable(
                byHalfOffset.putIfAbsent(halfOffset, new Resolution(outcome, opOffsetLowerBound, false)));
    }

    /** The op record of a claimed offset is stored at {@code opOffset}. */
    void confirm(long halfOffset, long opOffset) {
        byHalfOffset.computeIfPresent(
                halfOffset, (offset, resolution) -> new Resolution(resolution.outcome(), opOffset, true));
    }

    /** A claim whose work failed: the half message is unresolved again, and will be checked. */
    void release(long halfOffset) {
        byHalfOffset.remove(halfOffset);
    }

    /** An op record read back at start. */
    synchronized void restore(long halfOffset, TransactionOutcome outcome, long opOffset) {
        byHalfOffset.putIfAbsent(halfOffset, new Resolution(outcome, opOffset, true));
    }

    Optional<Resolution> find(long halfOffset) {
        return Optional.ofNullable(byHalfOffset.get(halfOffset));
    }

    /** Resolved or being resolved: the checker must leave it alone. */
    boolean isClaimed(long halfOffset) {
        return halfOffset < floor || byHalfOffset.containsKey(halfOffset);
    }

    /** Resolved with its op record stored: the checker may pass it for good. */
    boolean isConfirmed(long halfOffset) {
        Resolution resolution = byHalfOffset.get(halfOffset);
        return halfOffset < floor || (resolution != null && resolution.confirmed());
    }

    /** Drops the entries of half offsets the checker has passed for good. */
    synchronized void forgetBelow(long halfOffset) {
        floor = Math.max(floor, halfOffset);
        byHalfOffset.keySet().removeIf(offset -> offset < halfOffset);
    }

    /** The smallest op offset still needed, or {@code fallback} when the table is empty. */
    long firstNeededOpOffset(long fallback) {
        return byHalfOffset.values().stream()
                .mapToLong(Resolution::opOffset)
                .min()
                .orElse(fallback);
    }

    int size() {
        return byHalfOffset.size();
    }
}
