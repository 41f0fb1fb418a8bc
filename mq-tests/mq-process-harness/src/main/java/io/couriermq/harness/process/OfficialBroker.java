package io.couriermq.harness.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Apache RocketMQ 5.2.0's broker ({@code BrokerStartup -c file}) in its own JVM, on loopback. */
public final class OfficialBroker extends BrokerProcess {

    private OfficialBroker(
            Settings settings, Map<String, String> config, int listenPort, Path dir, Path store, List<String> command) {
        super(settings, config, listenPort, dir, store, command);
    }

    /**
     * The broker's ROCKETMQ_HOME ({@code -Drocketmq.home.dir}) when started in {@code dir}: files put in
     * its {@code conf/} before the start (plain_acl.yml) are read as the official broker reads them.
     */
    public static Path homeDirectory(Path dir) {
        return dir.resolve("home");
    }

    /**
     * Starts a broker registering with {@code nameServerAddress} (a master unless {@code settings} say
     * otherwise, see {@link Settings#asSlaveOf}); returns when its port is open.
     */
    public static OfficialBroker start(String nameServerAddress, Path dir, Settings settings) {
        int listenPort = FreePorts.brokerListenPort();
        Path store = dir.resolve("store");
        Map<String, String> config = commonConfig(settings, nameServerAddress, listenPort, store);
        config.put("brokerIP2", "127.0.0.1");
        config.put("bindAddress", "127.0.0.1");
        config.put("storePathCommitLog", store.resolve("commitlog").toString());
        // Its default of 200 ms in the send queue refuses sends with "[TIMEOUT_CLEAN_QUEUE]broker busy" on a
        // loaded test machine (seen 2026-12-07 at load average ~20): a test of behaviour, not of flow control.
        config.put("waitTimeMillsInSendQueue", "1000");
        config.putAll(settings.properties());
        Path configFile = dir.resolve("broker.properties");
        WorkDir.writeProperties(configFile, config);

        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Drocketmq.home.dir=" + (settings.homeDir() != null ? settings.homeDir() : homeDirectory(dir)),
                "-Duser.home=" + homeDirectory(dir),
                "-Drmq.logback.configurationFile=rmq.broker.logback.xml"));
        if (settings.serializeType() != null) {
            jvmArgs.add("-Drocketmq.serialize.type=" + settings.serializeType());
        }
        List<String> command = Jvm.officialMain(
                "org.apache.rocketmq.broker.BrokerStartup",
                settings.jvmOptions(),
                jvmArgs,
                List.of("-c", configFile.toString()));
        OfficialBroker broker = new OfficialBroker(settings, config, listenPort, dir, store, command);
        broker.launch();
        return broker;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.OFFICIAL;
    }
}
