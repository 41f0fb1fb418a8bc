package io.couriermq.test;

import io.couriermq.broker.Broker;
import io.couriermq.broker.config.BrokerSettingsLoader;
import io.couriermq.common.time.Clock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broker of an {@link EmbeddedCluster}: its name, its store directory and its port, which outlive
 * the {@link Broker} instance running on them, so a restart comes back on the same address and store.
 */
public final class EmbeddedBroker {

    /** Small segments: room for the 4 MiB maximum message, little disk per test. */
    static final Map<String, String> TEST_DEFAULTS = Map.of(
            "mappedFileSizeCommitLog", String.valueOf(16 << 20),
            "mappedFileSizeConsumeQueue", String.valueOf(20 * 10_000));

    private final String name;
    private final Path storeDir;
    private final Map<String, String> entries;
    private Broker running;
    private int port;

    EmbeddedBroker(
            String name, String clusterName, String nameServerAddress, Path storeDir, Map<String, String> overrides) {
        this.name = name;
        this.storeDir = storeDir;
        Map<String, String> settings = new LinkedHashMap<>(TEST_DEFAULTS);
        settings.put("brokerClusterName", clusterName);
        settings.put("brokerName", name);
        settings.put("brokerId", "0");
        settings.put("namesrvAddr", nameServerAddress);
        settings.put("brokerIP1", EmbeddedCluster.HOST);
        settings.put("listenPort", "0");
        settings.putAll(overrides);
        this.entries = Map.copyOf(settings);
    }

    /** Starts on a free port the first time, on the same port afterwards; the store is reopened. */
    void start() {
        if (running != null) {
            throw new IllegalStateException("broker " + name + " is already running");
        }
        Map<String, String> settings = new LinkedHashMap<>(entries);
        if (port != 0) {
            settings.put("listenPort", String.valueOf(port));
        }
        Broker broker = new Broker(BrokerSettingsLoader.load(settings, storeDir, EmbeddedCluster.HOST), Clock.system());
        broker.start();
        running = broker;
        port = broker.listenPort();
    }

    /** Clean shutdown: unregisters, answers what is in flight, flushes and checkpoints the store. */
    void stop() {
        if (running != null) {
            Broker broker = running;
            running = null;
            broker.shutdown();
        }
    }

    /** {@link Broker#halt()}: no unregistration, connections dropped, the store left as after a crash. */
    void crash() {
        if (running != null) {
            Broker broker = running;
            running = null;
            broker.halt();
        }
    }

    public String name() {
        return name;
    }

    /** {@code 127.0.0.1:port}, the address registered with the NameServers; stable across restarts. */
    public String address() {
        if (port == 0) {
            throw new IllegalStateException("broker " + name + " was never started");
        }
        return EmbeddedCluster.HOST + ":" + port;
    }

    public boolean isRunning() {
        return running != null;
    }

    /** The running broker, for tests that look inside (store, topics, offsets). */
    public Broker broker() {
        if (running == null) {
            throw new IllegalStateException("broker " + name + " is not running");
        }
        return running;
    }

    public Path storeDir() {
        return storeDir;
    }
}
