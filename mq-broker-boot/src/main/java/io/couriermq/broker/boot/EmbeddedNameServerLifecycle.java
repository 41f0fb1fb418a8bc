package io.couriermq.broker.boot;

import io.couriermq.namesrv.NameServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The standalone NameServer: starts before the broker (which registers with it) and stops after it
 * (so the broker's goodbye is heard). Both start before the actuator's web server opens its port.
 */
final class EmbeddedNameServerLifecycle implements SmartLifecycle {
    static final int PHASE = 0;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedNameServerLifecycle.class);

    private final NameServer nameServer;
    private volatile boolean running;

    EmbeddedNameServerLifecycle(NameServer nameServer) {
        this.nameServer = nameServer;
    }

    @Override
    public void start() {
        nameServer.start();
        running = true;
        log.info("standalone: embedded NameServer listening on port {}", nameServer.listenPort());
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

    @Override
    public int getPhase() {
        return PHASE;
    }
}
