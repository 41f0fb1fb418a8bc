package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache RocketMQ 5.2.0's broker ({@code BrokerStartup -c file}) in its own JVM, on loopback. */
public final class OfficialBroker extends BrokerProcess {

    private OfficialBroker(Settings settings, int listenPort, Path dir, Path store, List<String> command) {
        super(settings, listenPort, dir, store, command);
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
        OfficialBroker broker = new OfficialBroker(settings, listenPort, dir, store, command);
        broker.launch();
        return broker;
    }

    @Override
    public Kind kind() {
        return Kind.OFFICIAL;
    }
}
