package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A broker running as a child process: how it is launched, stopped, restarted on the same port and
 * store, and cleaned up. Subclasses only say how to build their command line and what kind they are.
 */
abstract class BrokerProcess implements Broker {
    private final Settings settings;
    private final int listenPort;
    private final Path dir;
    private final Path store;
    private final List<String> command;
    private ManagedProcess process;
    private int starts;

    BrokerProcess(Settings settings, int listenPort, Path dir, Path store, List<String> command) {
        this.settings = settings;
        this.listenPort = listenPort;
        this.dir = dir;
        this.store = store;
        this.command = List.copyOf(command);
    }

    /** Starts the process (again, for a restart) and returns when its port is open. */
    final void launch() {
        starts++;
        String log = starts == 1 ? "stdout.log" : "stdout-" + starts + ".log";
        String name = kind().name().toLowerCase(Locale.ROOT) + "-broker-" + settings.brokerName();
        process = ManagedProcess.start(name, command, dir, dir.resolve(log));
        try {
            process.awaitPortOpen(listenPort, START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    @Override
    public final String address() {
        return "127.0.0.1:" + listenPort;
    }

    @Override
    public final String clusterName() {
        return settings.clusterName();
    }

    @Override
    public final String brokerName() {
        return settings.brokerName();
    }

    @Override
    public final ManagedProcess process() {
        return process;
    }

    @Override
    public final void stop() {
        process.terminate(STOP_TIMEOUT);
    }

    @Override
    public final void restart() {
        stop();
        launch();
    }

    @Override
    public final void close() {
        process.close();
        WorkDir.deleteRecursively(store);
    }
}
