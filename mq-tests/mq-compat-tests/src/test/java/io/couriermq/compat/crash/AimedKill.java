package io.couriermq.compat.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends SIGKILL to the broker at the moment a cycle aims at. A random moment is a delay; an aimed one is
 * watched for with a {@link StoreProbe}, polled every {@value #POLL_INTERVAL_MICROS} µs on a {@link
 * BoostedThread}, and the signal goes the instant the probe sees its event, straight to the broker's pid
 * (no process-tree walk first). When the event does not come within the bound, the kill lands then, a
 * moment as random as any for the store, and the outcome says the aim missed.
 */
public final class AimedKill implements AutoCloseable {
    private static final long POLL_INTERVAL_MICROS = 500;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);

    /**
     * How one kill went.
     *
     * @param seen what the probe saw; null for a random moment or a miss
     * @param waitedMs from the start of the watch (or the delay) to the signal
     * @param seenToSignalMicros from the poll that saw the event to the signal sent
     * @param eventToSignalMaxMicros at most this long from the event to the signal: from the start of the
     *     last poll that had not seen it
     * @param leftOnDisk what the probe found on disk once the broker was dead
     */
    public record Outcome(
            KillTarget target,
            String seen,
            long killedAtMs,
            long waitedMs,
            long seenToSignalMicros,
            long eventToSignalMaxMicros,
            String leftOnDisk) {

        public boolean hit() {
            return seen != null;
        }

        public String describe() {
            if (!target.aimed()) {
                return "aimed at a random moment: SIGKILL after " + waitedMs + " ms of load";
            }
            if (!hit()) {
                return "aimed at " + target.description() + ": MISSED, not seen within " + waitedMs
                        + " ms; SIGKILL then instead (a random moment for the store); " + leftOnDisk;
            }
            return String.format(
                    "aimed at %s: HIT, %s %d ms into the watch; SIGKILL %d µs after it was seen, at most %d µs"
                            + " after it happened; on disk after the kill: %s",
                    target.description(), seen, waitedMs, seenToSignalMicros, eventToSignalMaxMicros, leftOnDisk);
        }
    }

    private final Duration bound;
    private final BoostedThread watch;

    /** @param bound how long an aimed kill waits for its event before it kills anyway */
    public AimedKill(Duration bound) throws InterruptedException {
        this.bound = bound;
        this.watch = new BoostedThread();
    }

    /** How the watching thread is scheduled, for the report. */
    public String watchPriority() {
        return watch.priority();
    }

    /**
     * SIGKILL at the moment {@code target} names: after {@code randomDelayMs} for a random one, else the
     * instant its event is seen in {@code store} (for a timer switch, the window starting at {@code
     * timerWindowMs}), or after the bound without it.
     */
    public Outcome at(KillTarget target, ProcessHandle broker, Path store, long randomDelayMs, long timerWindowMs)
            throws InterruptedException {
        if (!target.aimed()) {
            return afterDelay(broker, randomDelayMs);
        }
        StoreProbe probe = StoreProbe.of(target, store, timerWindowMs);
        return watch.call(() -> when(broker, target, probe, bound));
    }

    @Override
    public void close() {
        watch.close();
    }

    /** SIGKILL after {@code delayMs}. */
    private static Outcome afterDelay(ProcessHandle broker, long delayMs) throws InterruptedException {
        Thread.sleep(delayMs);
        long killedAtMs = sigkill(broker);
        awaitExit(broker);
        return new Outcome(KillTarget.RANDOM, null, killedAtMs, delayMs, 0, 0, "");
    }

    /** SIGKILL the instant {@code probe} sees its event, or after {@code bound} without it. */
    private static Outcome when(ProcessHandle broker, KillTarget target, StoreProbe probe, Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long previousPoll = start;
        while (true) {
            long pollStart = System.nanoTime();
            String seen = probe.poll();
            if (seen != null || pollStart - deadline > 0) {
                long seenAt = System.nanoTime();
                long killedAtMs = sigkill(broker);
                long signalled = System.nanoTime();
                awaitExit(broker);
                return new Outcome(
                        target,
                        seen,
                        killedAtMs,
                        TimeUnit.NANOSECONDS.toMillis(signalled - start),
                        TimeUnit.NANOSECONDS.toMicros(signalled - seenAt),
                        TimeUnit.NANOSECONDS.toMicros(signalled - previousPoll),
                        probe.leftOnDisk());
            }
            previousPoll = pollStart;
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(POLL_INTERVAL_MICROS));
        }
    }

    /** The signal, then the wall-clock time it was sent. */
    private static long sigkill(ProcessHandle broker) {
        if (!broker.destroyForcibly()) {
            throw new IllegalStateException("broker pid " + broker.pid() + " could not be sent SIGKILL: gone already");
        }
        return System.currentTimeMillis();
    }

    private static void awaitExit(ProcessHandle broker) {
        try {
            broker.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "broker pid " + broker.pid() + " still alive " + EXIT_TIMEOUT + " after SIGKILL", e);
        }
    }
}
