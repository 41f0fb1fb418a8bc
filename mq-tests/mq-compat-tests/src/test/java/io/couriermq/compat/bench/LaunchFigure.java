package io.couriermq.compat.bench;

import io.couriermq.compat.bench.Results.Row;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.CourierBroker;
import io.couriermq.harness.process.Jvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Launch time with each system's default launch options: wall time from starting the broker process to
 * (a) its port accepting connections (polled every 10 ms) and (b) the NameServer, already running, listing
 * it (polled every 10 ms). {@code --launches} (3) per system per round, each a new broker name and an empty store.
 * When {@code scripts/cds-archive.sh} has made our broker's class-data-sharing archive, our broker is also
 * launched that many times with it (the extracted jar and {@code -XX:SharedArchiveFile}), in rows of their own
 * against RocketMQ's default launch.
 */
final class LaunchFigure {
    private static final Row PORT_OPEN = new Row("launch -> broker port open, default launch", "ms", true);
    private static final Row REGISTERED = new Row("launch -> registered with the NameServer", "ms", true);
    private static final Row CDS_PORT_OPEN = new Row(
            "launch -> broker port open, CourierMQ with its CDS archive (scripts/cds-archive.sh), RocketMQ default",
            "ms",
            true);
    private static final Row CDS_REGISTERED =
            new Row("launch -> registered, CourierMQ with its CDS archive, RocketMQ default", "ms", true);
    /** Written by {@code scripts/cds-archive.sh}: the archive and the extracted jar it belongs to. */
    private static final Path CDS_ARCHIVE = Jvm.projectRoot().resolve("mq-broker-boot/target/cds/mq-broker.jsa");

    private static final Path CDS_JAR = Jvm.projectRoot().resolve("mq-broker-boot/target/cds/app/mq-broker.jar");

    private final int launches;
    private final Results results;

    LaunchFigure(int launches, Results results) {
        this.launches = launches;
        this.results = results;
    }

    void run(Contender contender, int round) {
        Path dir = LoadFigures.dir(Figure.LAUNCH, contender, round);
        boolean withCds = Files.isRegularFile(CDS_ARCHIVE) && Files.isRegularFile(CDS_JAR);
        try (Deployment system = Deployment.nameServerOnly(contender, dir)) {
            for (int launch = 1; launch <= launches; launch++) {
                double[] figures = launchOnce(system, contender, round, dir, "launch-" + launch, List.of());
                results.add(PORT_OPEN, contender, figures[0]);
                results.add(REGISTERED, contender, figures[1]);
                if (withCds && contender == Contender.ROCKETMQ) {
                    // the CDS rows compare with RocketMQ's default launch
                    results.add(CDS_PORT_OPEN, contender, figures[0]);
                    results.add(CDS_REGISTERED, contender, figures[1]);
                }
            }
            if (withCds && contender == Contender.COURIER) {
                String jar = System.setProperty(CourierBroker.JAR_PROPERTY, CDS_JAR.toString());
                try {
                    for (int launch = 1; launch <= launches; launch++) {
                        double[] figures = launchOnce(
                                system,
                                contender,
                                round,
                                dir,
                                "launch-cds-" + launch,
                                // no -Xlog:cds=off: a rejected archive then says so in the broker's log
                                List.of("-XX:SharedArchiveFile=" + CDS_ARCHIVE));
                        results.add(CDS_PORT_OPEN, contender, figures[0]);
                        results.add(CDS_REGISTERED, contender, figures[1]);
                    }
                } finally {
                    restore(CourierBroker.JAR_PROPERTY, jar);
                }
            }
        }
    }

    /** One launch of a broker named {@code name}: {port open, registered} in ms after the process started. */
    private double[] launchOnce(
            Deployment system, Contender contender, int round, Path dir, String name, List<String> jvmOptions) {
        Broker.Settings named =
                new Broker.Settings(Broker.Settings.defaults().clusterName(), name, Map.of(), null, null, jvmOptions);
        String load = MachineInfo.loadAverage();
        long start = System.nanoTime();
        // A new broker name each time: the killed predecessor stays in the NameServer's table until expiry.
        startReturningAtPortOpen(system, contender, dir.resolve("broker-" + name), named);
        long portOpen = System.nanoTime();
        system.awaitRegistered(Duration.ofMillis(10));
        long registered = System.nanoTime();
        double portMs = (portOpen - start) / 1e6;
        double registeredMs = (registered - start) / 1e6;
        results.raw(String.format(
                Locale.ROOT,
                "%s launch=%s load=\"%s\" port_open_ms=%.0f registered_ms=%.0f",
                LoadFigures.prefix(Figure.LAUNCH, contender, round),
                name,
                load,
                portMs,
                registeredMs));
        return new double[] {portMs, registeredMs};
    }

    /**
     * Starts the broker and returns once its port is open, as the official broker's start does: by default the
     * harness waits for our broker's Spring context too, which comes after the port and the registration.
     */
    static void startReturningAtPortOpen(Deployment system, Contender contender, Path dir, Broker.Settings settings) {
        String awaitSpring = System.setProperty(Broker.AWAIT_SPRING_STARTED, "false");
        try {
            system.startBroker(contender, dir, settings);
        } finally {
            restore(Broker.AWAIT_SPRING_STARTED, awaitSpring);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
