package io.couriermq.harness.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Our broker: the executable jar built by mq-broker-boot ({@code java -jar mq-broker.jar -c broker.conf}),
 * in its own JVM, registering with the NameServer under test (not {@code --standalone}).
 */
public final class CourierBroker extends BrokerProcess {

    private CourierBroker(
            Settings settings, Map<String, String> config, int listenPort, Path dir, Path store, List<String> command) {
        super(settings, config, listenPort, dir, store, command);
    }

    /**
     * System property: the broker jar to start instead of {@code mq-broker-boot/target/mq-broker.jar}, e.g. the
     * extracted jar a class-data-sharing archive was made for ({@code scripts/cds-archive.sh}).
     */
    public static final String JAR_PROPERTY = "harness.courierBrokerJar";

    public static Path jar() {
        String jar = System.getProperty(JAR_PROPERTY);
        return jar != null ? Path.of(jar) : Jvm.projectRoot().resolve("mq-broker-boot/target/mq-broker.jar");
    }

    /**
     * Starts a broker registering with {@code nameServerAddress} (a master unless {@code settings} say
     * otherwise, see {@link Settings#asSlaveOf}); returns when its port is open.
     */
    public static CourierBroker start(String nameServerAddress, Path dir, Settings settings) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Our broker jar " + jar + " is missing: build mq-broker-boot first"
                    + " (mvn -pl mq-broker-boot -am package -DskipTests), or run these tests against Apache"
                    + " RocketMQ's broker with -D" + KIND_PROPERTY + "=official");
        }
        int listenPort = FreePorts.any();
        Path store = dir.resolve("store");
        Map<String, String> config = commonConfig(settings, nameServerAddress, listenPort, store);
        config.putAll(settings.properties());
        Path configFile = dir.resolve("broker.conf");
        WorkDir.writeProperties(configFile, config);

        List<String> jvmArgs = settings.homeDir() == null
                ? List.of()
                : List.of("-Drocketmq.home.dir=" + settings.homeDir().toAbsolutePath());
        List<String> command =
                Jvm.jar(jar, settings.jvmOptions(), jvmArgs, List.of("-c", configFile.toString(), "--server.port=0"));
        CourierBroker broker = new CourierBroker(settings, config, listenPort, dir, store, command);
        broker.launch();
        return broker;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.COURIER;
    }
}
