package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.List;

/**
 * A NameServer running as a child process: launched, awaited until its port opens, closed with its
 * process tree. Subclasses only build their command line and say what kind they are.
 */
abstract class NameServerProcess implements NameServer {
    private final int port;
    private final ManagedProcess process;

    NameServerProcess(String name, int port, List<String> command, Path dir) {
        this.port = port;
        this.process = ManagedProcess.start(name, command, dir, dir.resolve("stdout.log"));
        try {
            process.awaitPortOpen(port, START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    @Override
    public final String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public final ManagedProcess process() {
        return process;
    }

    @Override
    public final void close() {
        process.close();
    }
}
