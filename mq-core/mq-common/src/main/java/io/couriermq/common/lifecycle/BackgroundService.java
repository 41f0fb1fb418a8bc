package io.couriermq.common.lifecycle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that runs {@link #runOnce()} every {@code intervalMs}, or sooner when {@link
 * #wakeUp()} is called. Every periodic loop of the engine (flush, dispatch, expiry scans) extends this
 * class instead of hand-rolling wait/notify.
 *
 * <p>A wake-up that arrives while {@code runOnce} is running is not lost: the next wait returns at
 * once. An exception from {@code runOnce} is logged and the loop goes on; this is the thread root.
 */
public abstract class BackgroundService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundService.class);

    private final String name;
    private final long intervalMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean wakeUpPending;
    private volatile boolean stopping;
    private volatile boolean halted;
    private Thread thread;

    protected BackgroundService(String name, long intervalMs) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException(name + ": interval must be positive, was " + intervalMs);
        }
        this.name = name;
        this.intervalMs = intervalMs;
    }

    /** One round of work. Called from the service thread only. */
    protected abstract void runOnce() throws Exception;

    /** Called once on the service thread after the loop ends, for a final flush or similar. */
    protected void onStop() throws Exception {}

    /**
     * Called instead of {@link #onStop()} after {@link #halt()}: release what the operating system would
     * release for a killed process (open files), and write nothing a crash would not have written.
     */
    protected void onHalt() throws Exception {}

    public final synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ask for a round now instead of at the end of the interval. Cheap; callable from any thread. */
    public final void wakeUp() {
        lock.lock();
        try {
            wakeUpPending = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stop the loop and wait for the thread to finish its current round and {@link #onStop()}. */
    public final void shutdown() {
        stop(false);
    }

    /**
     * Stop the loop as a crash would stop it, for crash tests: the current round finishes, then {@link
     * #onHalt()} runs instead of {@link #onStop()}, so no final flush or checkpoint is written.
     */
    public final void halt() {
        stop(true);
    }

    private void stop(boolean halting) {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null || stopping) {
            return;
        }
        halted = halting;
        stopping = true;
        wakeUp();
        try {
            running.join(TimeUnit.SECONDS.toMillis(30));
            if (running.isAlive()) {
                log.warn("{} did not stop within 30 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final void close() {
        shutdown();
    }

    public final boolean isStopping() {
        return stopping;
    }

    public final String name() {
        return name;
    }

    private void loop() {
        log.debug("{} started", name);
        while (!stopping) {
            runGuarded();
            awaitNextRound();
        }
        try {
            if (halted) {
                onHalt();
            } else {
                onStop();
            }
        } catch (Throwable t) {
            log.error("{} failed while stopping", name, t);
        }
        log.debug("{} stopped", name);
    }

    private void runGuarded() {
        try {
            runOnce();
        } catch (Throwable t) {
            log.error("{} round failed; the service keeps running", name, t);
        }
    }

    private void awaitNextRound() {
        lock.lock();
        try {
            if (!wakeUpPending && !stopping) {
                signal.await(intervalMs, TimeUnit.MILLISECONDS);
            }
            wakeUpPending = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }
}
