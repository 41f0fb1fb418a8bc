package io.couriermq.harness.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our broker: the executable jar built by mq-broker-boot ({@code java -jar mq-broker.jar -c broker.conf}),
 * in its own JVM, registering with the NameServer under test (not {@code --standalone}).
 */
public final class CourierBroker extends BrokerProcess {

    /** 64 MiB segments instead of 1 GiB: room for the 4 MiB maximum message, small on disk. */
    static final int COMMIT_LOG_SEGMENT = 64 * 1024 * 1024;

    private CourierBroker(Settings settings, int listenPort, Path dir, Path store, List<String> command) {
        super(settings, listenPort, dir, store, command);
    }

    public static Path jar() {
        return Jvm.moduleDir().resolve("../mq-broker-boot/target/mq-broker.jar").normalize();
    }

    /** Starts a master broker registering with {@code nameServerAddress}; returns when its port is open. */
    public static CourierBroker start(String nameServerAddress, Path dir, Settings settings) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Our broker jar " + jar + " is missing: build mq-broker-boot first"
                    + " (mvn -pl mq-broker-boot -am package -DskipTests), or run these tests against Apache"
                    + " RocketMQ's broker with -D" + KIND_PROPERTY + "=official");
        }
        int listenPort = FreePorts.any();
        Path store = dir.resolve("store");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("brokerClusterName", settings.clusterName());
        config.put("brokerName", settings.brokerName());
        config.put("brokerId", "0");
        config.put("namesrvAddr", nameServerAddress);
        config.put("brokerIP1", "127.0.0.1");
        config.put("listenPort", Integer.toString(listenPort));
        config.put("storePathRootDir", store.toString());
        config.put("mappedFileSizeCommitLog", Integer.toString(COMMIT_LOG_SEGMENT));
        config.put("autoCreateTopicEnable", "true");
        config.put("autoCreateSubscriptionGroup", "true");
        config.putAll(settings.properties());
        Path configFile = dir.resolve("broker.conf");
        WorkDir.writeProperties(configFile, config);

        List<String> command = Jvm.jar(jar, List.of("-c", configFile.toString(), "--server.port=0"));
        CourierBroker broker = new CourierBroker(settings, listenPort, dir, store, command);
        broker.launch();
        return broker;
    }

    @Override
    public Kind kind() {
        return Kind.COURIER;
    }
}
