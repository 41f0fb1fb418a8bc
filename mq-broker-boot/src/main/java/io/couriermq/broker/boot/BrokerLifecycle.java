package io.couriermq.broker.boot;

import io.couriermq.broker.Broker;
import io.couriermq.broker.admin.QueueStats;
import io.couriermq.broker.config.BrokerSettings;
import io.couriermq.broker.metrics.BrokerObserver;
import io.couriermq.common.time.Clock;
import io.couriermq.namesrv.NameServer;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Builds and starts the {@link Broker} once the context is ready and shuts it down first on close.
 * The broker is built at start rather than as a bean because in standalone mode its NameServer
 * address is known only once the embedded NameServer has bound its port (port 0 picks a free one).
 */
final class BrokerLifecycle implements SmartLifecycle {
    static final int PHASE = EmbeddedNameServerLifecycle.PHASE + 10;
    private static final Logger log = LoggerFactory.getLogger(BrokerLifecycle.class);

    private final BrokerConfigEntries config;
    private final BrokerObserver observer;
    private final NameServer embeddedNameServer;
    private volatile Broker broker;
    private volatile BrokerSettings settings;
    private volatile QueueStats queueStats;

    /** @param embeddedNameServer the standalone NameServer, or null when there is none */
    BrokerLifecycle(BrokerConfigEntries config, BrokerObserver observer, NameServer embeddedNameServer) {
        this.config = config;
        this.observer = observer;
        this.embeddedNameServer = embeddedNameServer;
    }

    @Override
    public void start() {
        long startNanos = System.nanoTime();
        BrokerSettings resolved = resolve().settings();
        Broker started = new Broker(resolved, Clock.system(), observer);
        started.start();
        settings = resolved;
        queueStats = new QueueStats(resolved.broker().brokerName(), started.offsets(), started.store());
        broker = started;
        log.info(
                "broker {} started in {} ms ({} ms since JVM launch); {}; {}",
                resolved.broker().brokerName(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                ManagementFactory.getRuntimeMXBean().getUptime(),
                MemoryBudget.describe(resolved.store()),
                IdleHeapReturn.apply());
    }

    private BrokerConfigEntries resolve() {
        if (embeddedNameServer == null || config.hasNameServer()) {
            return config;
        }
        String bound = embeddedNameServer.runtimeConfig().config().remoting().bindAddress();
        String address = nameServerHost(bound) + ":" + embeddedNameServer.listenPort();
        log.info("standalone: namesrvAddr not configured, registering with the embedded NameServer {}", address);
        return config.withNameServer(address, "--standalone");
    }

    /** A NameServer bound to one address answers there only; bound to every interface, loopback is nearest. */
    static String nameServerHost(String bindAddress) {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
    }

    @Override
    public void stop() {
        Broker running = broker;
        broker = null;
        if (running != null) {
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return broker != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The running broker; fails when asked before start or after stop. */
    Broker broker() {
        Broker running = broker;
        if (running == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return running;
    }

    /** The settings the running broker was started with (namesrvAddr resolved); null before start. */
    BrokerSettings settings() {
        return settings;
    }

    /** Per-queue offset figures, the same the admin tools get; null before start. */
    QueueStats queueStats() {
        return queueStats;
    }
}
