package io.couriermq.compat.crash;

import java.nio.file.Path;

/**
 * Watches a broker's store directory from outside the process for one event. It takes its "before"
 * picture when built; {@link #poll()} runs every fraction of a millisecond, so it lists directories and
 * reads file attributes, and reads a small file only when its attributes changed.
 */
public interface StoreProbe {

    /** What was seen, in a few words, if the event has happened since the probe was built; else null. */
    String poll();

    /** After the kill: what the moment left on disk, in a few words. */
    String leftOnDisk();

    /**
     * The probe for {@code target} over the store at {@code store}; {@code timerWindowStartMs} is the
     * window a {@link KillTarget#TIMER_SWITCH} waits for (ignored by the others).
     */
    static StoreProbe of(KillTarget target, Path store, long timerWindowStartMs) {
        return switch (target) {
            case COMMITLOG_ROLL -> NewFileProbe.commitLog(store.resolve("commitlog"));
            case CONSUME_QUEUE_ROLL -> NewFileProbe.consumeQueues(store.resolve("consumequeue"));
            case CHECKPOINT_WRITE -> new CheckpointProbe(store.resolve("checkpoint"));
            case TIMER_SWITCH -> new TimerSwitchProbe(store.resolve("timer"), timerWindowStartMs);
            case RANDOM -> throw new IllegalArgumentException("a random moment is not watched for on disk");
        };
    }
}
