package io.couriermq.namesrv.boot;

import io.couriermq.namesrv.NameServer;
import org.springframework.context.SmartLifecycle;

/** Starts the NameServer once the context is ready and stops it before the context closes. */
final class NameServerLifecycle implements SmartLifecycle {
    private final NameServer nameServer;
    private volatile boolean running;

    NameServerLifecycle(NameServer nameServer) {
        this.nameServer = nameServer;
    }

    @Override
    public void start() {
        nameServer.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        nameServer.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
