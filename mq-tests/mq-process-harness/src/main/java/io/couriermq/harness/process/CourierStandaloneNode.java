package io.couriermq.harness.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Our broker jar with {@code --standalone}: NameServer and broker in one process, as one command gives a
 * working node. The embedded NameServer's port is picked once and kept across {@link #restart()}, so
 * clients keep their NameServer address when the node is killed and started again on the same store.
 */
public final class CourierStandaloneNode extends BrokerProcess {
    private final int nameServerPort;
    private final Path store;

    private CourierStandaloneNode(
            Settings settings,
            Map<String, String> config,
            int listenPort,
            Path dir,
            Path store,
            List<String> command,
            int nameServerPort) {
        super(settings, config, listenPort, dir, store, command);
        this.nameServerPort = nameServerPort;
        this.store = store;
    }

    /**
     * Starts a node whose store is {@code dir/store}, with {@code settings.properties()} on top of the common
     * broker.conf (so they may replace e.g. the 64 MiB commit-log segment); returns when the broker's port is
     * open (registration with its own NameServer follows a moment later).
     */
    public static CourierStandaloneNode start(Path dir, Settings settings) {
        Path jar = CourierBroker.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Our broker jar " + jar
                    + " is missing: build mq-broker-boot first (mvn -pl mq-broker-boot -am" + " package -DskipTests)");
        }
        int nameServerPort = FreePorts.any();
        int listenPort = FreePorts.any();
        Path store = dir.resolve("store");
        Map<String, String> config = commonConfig(settings, "127.0.0.1:" + nameServerPort, listenPort, store);
        config.putAll(settings.properties());
        Path configFile = dir.resolve("broker.conf");
        WorkDir.writeProperties(configFile, config);
        List<String> command = Jvm.jar(
                jar,
                settings.jvmOptions(),
                List.of(),
                List.of(
                        "--standalone",
                        "-c",
                        configFile.toString(),
                        "--server.port=0",
                        "--courier.namesrv.listen-port=" + nameServerPort,
                        "--courier.namesrv.bind-address=127.0.0.1"));
        CourierStandaloneNode node =
                new CourierStandaloneNode(settings, config, listenPort, dir, store, command, nameServerPort);
        node.launch();
        return node;
    }

    /** {@code 127.0.0.1:port} of the embedded NameServer, for clients and admin tools. */
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    /** The store directory, kept across restarts (deleted by {@link #close()}). */
    public Path storeDir() {
        return store;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.COURIER;
    }
}
