package io.couriermq.store.flush;

/**
 * Counters of a flush service.
 *
 * @param forceCount forces (fsyncs) done
 * @param acknowledgedAppends appends whose durability wait was satisfied by those forces
 * @param forceNanosTotal time spent in those forces
 */
public record FlushStats(long forceCount, long acknowledgedAppends, long forceNanosTotal) {

    /** Appends satisfied per force: the group-commit factor. */
    public double appendsPerForce() {
        return forceCount == 0 ? 0.0 : (double) acknowledgedAppends / forceCount;
    }
}
