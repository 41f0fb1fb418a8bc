package io.couriermq.compat.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache RocketMQ 5.2.0's broker ({@code BrokerStartup -c file}) in its own JVM, on loopback. */
public final class OfficialBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final int listenPort;
    private final Path store;
    private final ManagedProcess process;

    private OfficialBroker(Settings settings, int listenPort, Path store, ManagedProcess process) {
        this.settings = settings;
        this.listenPort = listenPort;
        this.store = store;
        this.process = process;
    }

    /** Starts a master broker registering with {@code nameServerAddress}; returns when its port is open. */
    public static OfficialBroker start(String nameServerAddress, Path dir, Settings settings) {
        int listenPort = FreePorts.brokerListenPort();
        Path store = dir.resolve("store");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("brokerClusterName", settings.clusterName());
        config.put("brokerName", settings.brokerName());
        config.put("brokerId", "0");
        config.put("namesrvAddr", nameServerAddress);
        config.put("brokerIP1", "127.0.0.1");
        config.put("brokerIP2", "127.0.0.1");
        config.put("bindAddress", "127.0.0.1");
        config.put("listenPort", Integer.toString(listenPort));
        // Without this the HA acceptor takes listenPort+1, which we never checked.
        config.put("haListenPort", Integer.toString(FreePorts.any()));
        config.put("storePathRootDir", store.toString());
        config.put("storePathCommitLog", store.resolve("commitlog").toString());
        // 64 MiB segments instead of 1 GiB: room for the 4 MiB maximum message, small on disk.
        config.put("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
        config.put("autoCreateTopicEnable", "true");
        config.put("autoCreateSubscriptionGroup", "true");
        config.putAll(settings.properties());
        Path configFile = dir.resolve("broker.properties");
        WorkDir.writeProperties(configFile, config);

        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Drocketmq.home.dir=" + dir.resolve("home"),
                "-Duser.home=" + dir.resolve("home"),
                "-Drmq.logback.configurationFile=rmq.broker.logback.xml"));
        if (settings.serializeType() != null) {
            jvmArgs.add("-Drocketmq.serialize.type=" + settings.serializeType());
        }
        List<String> command = Jvm.officialMain(
                "org.apache.rocketmq.broker.BrokerStartup", jvmArgs, List.of("-c", configFile.toString()));
        ManagedProcess process = ManagedProcess.start(
                "official-broker-" + settings.brokerName(), command, dir, dir.resolve("stdout.log"));
        OfficialBroker broker = new OfficialBroker(settings, listenPort, store, process);
        try {
            process.awaitPortOpen(listenPort, START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code 127.0.0.1:listenPort}: the address the broker registers and clients connect to. */
    public String address() {
        return "127.0.0.1:" + listenPort;
    }

    public String clusterName() {
        return settings.clusterName();
    }

    public String brokerName() {
        return settings.brokerName();
    }

    public ManagedProcess process() {
        return process;
    }

    /** Kills the process tree and deletes the store; logs stay for a post-mortem. */
    @Override
    public void close() {
        process.close();
        WorkDir.deleteRecursively(store);
    }

    /**
     * @param properties extra broker.properties entries (BrokerConfig, MessageStoreConfig,
     *     NettyServerConfig keys), applied last
     * @param serializeType {@code JSON}, {@code ROCKETMQ} or null for the default (JSON)
     */
    public record Settings(
            String clusterName, String brokerName, Map<String, String> properties, String serializeType) {

        public Settings {
            properties = Map.copyOf(properties);
        }

        public static Settings defaults() {
            return new Settings("CompatCluster", "compat-broker-a", Map.of(), null);
        }

        public Settings withProperties(Map<String, String> extra) {
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.putAll(extra);
            return new Settings(clusterName, brokerName, merged, serializeType);
        }

        public Settings withSerializeType(String type) {
            return new Settings(clusterName, brokerName, properties, type);
        }
    }
}
