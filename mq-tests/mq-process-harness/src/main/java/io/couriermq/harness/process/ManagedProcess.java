package io.couriermq.harness.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A child process started by a test, with stdout and stderr captured to one log file.
 *
 * <p>{@link #close()} kills the whole process tree. A JVM shutdown hook does the same for every
 * process still alive, so a test JVM that dies or is interrupted leaves nothing behind.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Set<ManagedProcess> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> List.copyOf(ALIVE).forEach(ManagedProcess::close), "compat-reaper"));
    }

    private final String name;
    private final Process process;
    private static final Pattern SPRING_STARTED = Pattern.compile("Started \\w+Application in ");
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workingDir}; its output goes to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "$ " + String.join(" ", command) + System.lineSeparator());
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            ManagedProcess started = new ManagedProcess(name, process, logFile);
            ALIVE.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until 127.0.0.1:{@code port} accepts connections; fails with the log tail otherwise. Polled every
     * 10 ms (a refused loopback connect costs microseconds) so a launch time measured by the caller is exact
     * to that.
     */
    public void awaitPortOpen(int port, Duration timeout) {
        awaitReady("port " + port + " open", timeout, Duration.ofMillis(10), () -> portAccepts(port));
    }

    /**
     * Waits for Spring Boot's last start-up line ("Started ...Application in"): our broker opens its ports
     * before Spring has built its web server and actuator, and a test that starts work at once competes
     * with that build for the machine (or measures a process not yet complete).
     */
    public void awaitSpringStarted(Duration timeout) {
        awaitReady("Spring application started", timeout, () -> SPRING_STARTED
                .matcher(new String(Files.readAllBytes(logFile), StandardCharsets.ISO_8859_1))
                .find());
    }

    /**
     * Waits for {@code readiness}; fails early when the process exits, and with the tail of its log
     * when the timeout passes, because a bare timeout says nothing about why a server did not start.
     */
    public void awaitReady(String what, Duration timeout, Callable<Boolean> readiness) {
        awaitReady(what, timeout, Duration.ofMillis(100), readiness);
    }

    private void awaitReady(String what, Duration timeout, Duration pollInterval, Callable<Boolean> readiness) {
        try {
            await(name + ": " + what).atMost(timeout).pollInterval(pollInterval).until(() -> {
                if (!process.isAlive()) {
                    throw new ProcessExitedException();
                }
                try {
                    return readiness.call();
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException | ProcessExitedException e) {
            String state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
            throw new AssertionError(
                    name + " not ready (" + what + ") within " + timeout + ", " + state + "; log " + logFile
                            + ", last lines:\n" + logTail(40),
                    e);
        }
    }

    /** SIGKILL to the process tree: no shutdown hook runs, so the broker cannot unregister. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ALIVE.remove(this);
    }

    /**
     * SIGTERM, as {@code kill PID} or a service manager would send it: the JVM runs its shutdown
     * hooks. Waits for the exit; when it does not come within {@code timeout} the process is killed
     * and this fails, because a server that cannot stop cleanly is a finding, not a detail.
     *
     * @return the exit code
     */
    public int terminate(Duration timeout) {
        if (!process.isAlive()) {
            ALIVE.remove(this);
            return process.exitValue();
        }
        signal("TERM");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String tail = logTail(40);
                kill();
                throw new AssertionError(name + " (pid " + pid() + ") did not exit within " + timeout
                        + " of SIGTERM; killed. log " + logFile + ", last lines:\n" + tail);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to stop", e);
        }
        ALIVE.remove(this);
        return process.exitValue();
    }

    /** SIGSTOP: the process freezes but the kernel keeps its TCP connections open. */
    public void freeze() {
        signal("STOP");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        ALIVE.remove(this);
    }

    static boolean portAccepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final class ProcessExitedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessExitedException() {
            super("process exited", null, false, false);
        }
    }
}
