package io.couriermq.compat.harness;

import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.NameServer;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: per test class, a NameServer (ours unless {@code -Dcompat.namesrv=official}),
 * one broker registered with it, and an admin client. Everything is stopped after the class, also
 * when a test or the start-up itself fails.
 *
 * <p>The NameServer proofs use {@link #of}: always the official broker, because they are about the
 * NameServer. The broker proofs use {@link #withSelectedBroker}: ours unless
 * {@code -Dcompat.broker=official}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());
 * }</pre>
 */
public final class CompatCluster implements BeforeAllCallback, AfterAllCallback {

    public static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final ServerKind brokerKind;
    private final Broker.Settings brokerSettings;
    private final boolean recordTraffic;
    private final List<Broker> brokers = new ArrayList<>();
    private Path dir;
    private NameServer nameServer;
    private RecordingProxy proxy;
    private Admin admin;

    private CompatCluster(ServerKind brokerKind, Broker.Settings brokerSettings, boolean recordTraffic) {
        this.brokerKind = brokerKind;
        this.brokerSettings = brokerSettings;
        this.recordTraffic = recordTraffic;
    }

    /** The selected NameServer with the official broker: for the NameServer proofs. */
    public static CompatCluster of(Broker.Settings brokerSettings) {
        return new CompatCluster(ServerKind.OFFICIAL, brokerSettings, false);
    }

    /** Like {@link #of}, with a {@link RecordingProxy} in front of the NameServer for everyone. */
    public static CompatCluster recordingNameServerTraffic(Broker.Settings brokerSettings) {
        return new CompatCluster(ServerKind.OFFICIAL, brokerSettings, true);
    }

    /** The selected NameServer with the broker chosen by {@code -Dcompat.broker} (ours by default). */
    public static CompatCluster withSelectedBroker(Broker.Settings brokerSettings) {
        return new CompatCluster(ServerKind.selected(Broker.KIND_PROPERTY), brokerSettings, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dir = WorkDir.fresh(context.getRequiredTestClass().getSimpleName());
        try {
            nameServer = NameServer.startSelected(dir.resolve("namesrv"));
            if (recordTraffic) {
                proxy = RecordingProxy.start(nameServer.address());
            }
            admin = Admin.connect(nameServerAddress());
            startBroker(brokerSettings);
        } catch (RuntimeException | AssertionError e) {
            stopAll();
            throw e;
        }
    }

    /** Starts one more broker with the same NameServer and waits until it is registered. */
    public Broker startBroker(Broker.Settings settings) {
        Broker broker =
                Broker.start(brokerKind, nameServerAddress(), dir.resolve("broker-" + settings.brokerName()), settings);
        brokers.add(broker);
        awaitRegistered(broker);
        return broker;
    }

    /**
     * Stops {@code broker} with SIGTERM, starts it again on the same port and store, and waits until
     * it is registered again: the "ready" of a restarted broker.
     */
    public void restartBroker(Broker broker) {
        broker.restart();
        awaitRegistered(broker);
    }

    private void awaitRegistered(Broker broker) {
        try {
            Awaitility.await("broker " + broker.address() + " registered at " + nameServerAddress())
                    .atMost(REGISTRATION_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> admin.isRegistered(broker));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    e.getMessage() + "\n--- " + nameServer.process().logFile() + ":\n"
                            + nameServer.process().logTail(30) + "\n--- "
                            + broker.process().logFile() + ":\n"
                            + broker.process().logTail(30),
                    e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll();
    }

    /** Idempotent: JUnit calls afterAll even when beforeAll failed half-way and cleaned up. */
    private void stopAll() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        brokers.forEach(Broker::close);
        if (proxy != null) {
            proxy.close();
        }
        if (nameServer != null) {
            nameServer.close();
        }
    }

    public NameServer nameServer() {
        return nameServer;
    }

    /** The address brokers and clients use: the NameServer's, or the recording proxy's. */
    public String nameServerAddress() {
        return proxy != null ? proxy.address() : nameServer.address();
    }

    public Optional<RecordingProxy> nameServerTraffic() {
        return Optional.ofNullable(proxy);
    }

    /** The broker started with the cluster. */
    public Broker broker() {
        return brokers.get(0);
    }

    public Admin admin() {
        return admin;
    }
}
