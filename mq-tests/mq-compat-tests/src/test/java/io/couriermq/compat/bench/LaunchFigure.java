package io.couriermq.compat.bench;

import io.couriermq.compat.bench.Results.Row;
import io.couriermq.harness.process.Broker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Launch time with each system's default launch options: wall time from starting the broker process to
 * (a) its port accepting connections (polled every 10 ms) and (b) the NameServer, already running, listing
 * it (polled every 10 ms). {@code --launches} (3) per system per round, each a new broker name and an empty store.
 */
final class LaunchFigure {
    private static final Row PORT_OPEN = new Row("launch -> broker port open, default launch", "ms", true);
    private static final Row REGISTERED = new Row("launch -> registered with the NameServer", "ms", true);

    private final int launches;
    private final Results results;

    LaunchFigure(int launches, Results results) {
        this.launches = launches;
        this.results = results;
    }

    void run(Contender contender, int round) {
        Path dir = LoadFigures.dir(Figure.LAUNCH, contender, round);
        try (Deployment system = Deployment.nameServerOnly(contender, dir)) {
            for (int launch = 1; launch <= launches; launch++) {
                // A new broker name each time: the killed predecessor stays in the NameServer's table until expiry.
                Broker.Settings named = new Broker.Settings(
                        Broker.Settings.defaults().clusterName(), "launch-" + launch, Map.of(), null, null, List.of());
                String load = MachineInfo.loadAverage();
                long start = System.nanoTime();
                startReturningAtPortOpen(system, contender, dir.resolve("broker-" + launch), named);
                long portOpen = System.nanoTime();
                system.awaitRegistered(Duration.ofMillis(10));
                long registered = System.nanoTime();
                double portMs = (portOpen - start) / 1e6;
                double registeredMs = (registered - start) / 1e6;
                results.add(PORT_OPEN, contender, portMs);
                results.add(REGISTERED, contender, registeredMs);
                results.raw(String.format(
                        Locale.ROOT,
                        "%s launch=%d load=\"%s\" port_open_ms=%.0f registered_ms=%.0f",
                        LoadFigures.prefix(Figure.LAUNCH, contender, round),
                        launch,
                        load,
                        portMs,
                        registeredMs));
            }
        }
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
            if (awaitSpring == null) {
                System.clearProperty(Broker.AWAIT_SPRING_STARTED);
            } else {
                System.setProperty(Broker.AWAIT_SPRING_STARTED, awaitSpring);
            }
        }
    }
}
