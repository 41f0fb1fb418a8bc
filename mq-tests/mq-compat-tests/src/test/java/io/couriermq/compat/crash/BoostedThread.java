package io.couriermq.compat.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One thread reniced to -10, for the store watch that sends the kill: on a loaded machine (the broker, two
 * client JVMs and other builds on two cores) a normal thread woke milliseconds late, and once more than a
 * second late, so the kill missed the moment it had seen coming. Lowering a nice value takes root
 * (CAP_SYS_NICE) on Linux; without it the thread keeps its priority and {@link #priority()} says why.
 */
final class BoostedThread implements AutoCloseable {
    private static final String NICE = "-10";

    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(task -> new Thread(task, "crash-store-watch"));
    private final String priority;

    BoostedThread() throws InterruptedException {
        this.priority = call(BoostedThread::renice);
    }

    /** How the thread is scheduled, for the report. */
    String priority() {
        return priority;
    }

    /** Runs {@code task} on the thread and returns what it returns; its exceptions are rethrown unchecked. */
    <T> T call(Callable<T> task) throws InterruptedException {
        try {
            return thread.submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** The calling thread's own nice value, through its Linux thread id (/proc/thread-self). */
    private static String renice() throws InterruptedException {
        try {
            String threadId = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
            Process renice = new ProcessBuilder("renice", "-n", NICE, "-p", threadId)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return renice.waitFor() == 0 ? "nice " + NICE : "normal priority (renice failed: " + output + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "normal priority (cannot renice here: " + e + ")";
        }
    }
}
