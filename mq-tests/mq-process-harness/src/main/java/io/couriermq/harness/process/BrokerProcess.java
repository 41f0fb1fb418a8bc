package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A broker running as a child process: how it is launched, stopped, restarted on the same port and
 * store, and cleaned up. Subclasses only say how to build their command line and what kind they are.
 */
abstract class BrokerProcess implements Broker {
    private final Settings settings;
    private final Map<String, String> config;
    private final int listenPort;
    private final Path dir;
    private final Path store;
    private final List<String> command;
    private ManagedProcess process;
    private int starts;

    /** {@code config}: the broker.conf entries written, for the broker's id, role and HA port. */
    BrokerProcess(
            Settings settings, Map<String, String> config, int listenPort, Path dir, Path store, List<String> command) {
        this.settings = settings;
        this.config = Map.copyOf(config);
        this.listenPort = listenPort;
        this.dir = dir;
        this.store = store;
        this.command = List.copyOf(command);
    }

    /** 64 MiB commit-log segments instead of 1 GiB: room for the 4 MiB maximum message, small on disk. */
    static final int COMMIT_LOG_SEGMENT = 64 * 1024 * 1024;

    /**
     * The broker.conf entries both brokers read alike: a master named by {@code settings}, registering
     * {@code 127.0.0.1:listenPort} with {@code nameServerAddress}, its HA listener on a free port (the
     * default, listenPort + 1, may be taken), its store under {@code store}, topics and groups created on
     * first use. Callers add their own keys, then {@code settings.properties()} (which make it a slave).
     */
    static Map<String, String> commonConfig(Settings settings, String nameServerAddress, int listenPort, Path store) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("brokerClusterName", settings.clusterName());
        config.put("brokerName", settings.brokerName());
        config.put("brokerId", "0");
        config.put("namesrvAddr", nameServerAddress);
        config.put("brokerIP1", "127.0.0.1");
        config.put("listenPort", Integer.toString(listenPort));
        config.put("haListenPort", Integer.toString(FreePorts.any()));
        config.put("storePathRootDir", store.toString());
        config.put("mappedFileSizeCommitLog", Integer.toString(COMMIT_LOG_SEGMENT));
        config.put("autoCreateTopicEnable", "true");
        config.put("autoCreateSubscriptionGroup", "true");
        return config;
    }

    /**
     * Starts the process (again, for a restart) and returns when its port is open and, for ours, Spring
     * has started (see {@link #AWAIT_SPRING_STARTED}).
     */
    final void launch() {
        starts++;
        String log = starts == 1 ? "stdout.log" : "stdout-" + starts + ".log";
        String name = kind().name().toLowerCase(Locale.ROOT) + "-broker-" + name();
        process = ManagedProcess.start(name, command, dir, dir.resolve(log));
        try {
            process.awaitPortOpen(listenPort, START_TIMEOUT);
            if (kind() == ServerKind.COURIER
                    && Boolean.parseBoolean(System.getProperty(AWAIT_SPRING_STARTED, "true"))) {
                process.awaitSpringStarted(START_TIMEOUT);
            }
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
    public final long brokerId() {
        return Long.parseLong(config.get("brokerId").trim());
    }

    @Override
    public final String role() {
        return config.getOrDefault("brokerRole", ASYNC_MASTER).trim();
    }

    @Override
    public final int haPort() {
        return Integer.parseInt(config.get("haListenPort").trim());
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
