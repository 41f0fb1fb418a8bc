package io.couriermq.harness.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Our NameServer: the executable jar built by mq-namesrv-boot, in its own JVM. */
public final class CourierNameServer extends NameServerProcess {

    /** Broker expiry when the broker does not send its own {@code heartbeatTimeoutMillis}. */
    public static final Duration DEFAULT_BROKER_EXPIRY = Duration.ofMillis(120_000);

    private CourierNameServer(int port, List<String> command, Path dir) {
        super("courier-namesrv", port, command, dir);
    }

    public static Path jar() {
        return Jvm.projectRoot().resolve("mq-namesrv-boot/target/mq-namesrv.jar");
    }

    public static CourierNameServer start(Path dir) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Our NameServer jar " + jar + " is missing: build mq-namesrv-boot first"
                    + " (mvn -pl mq-namesrv-boot -am package), or run these tests against Apache RocketMQ's"
                    + " NameServer with -D" + KIND_PROPERTY + "=official");
        }
        int port = FreePorts.any();
        List<String> command = Jvm.jar(
                jar,
                List.of(
                        "--courier.namesrv.listen-port=" + port,
                        "--server.port=0",
                        "--courier.namesrv.broker-expiry-ms=" + DEFAULT_BROKER_EXPIRY.toMillis(),
                        "--courier.namesrv.expiry-scan-interval-ms=" + EXPIRY_SCAN_INTERVAL.toMillis()));
        return new CourierNameServer(port, command, dir);
    }

    @Override
    public ServerKind kind() {
        return ServerKind.COURIER;
    }
}
