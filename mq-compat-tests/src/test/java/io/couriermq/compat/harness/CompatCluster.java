package io.couriermq.compat.harness;

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
 * one official broker registered with it, and an admin client. Everything is stopped after the
 * class, also when a test or the start-up itself fails.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CompatCluster cluster = CompatCluster.of(OfficialBroker.Settings.defaults());
 * }</pre>
 */
public final class CompatCluster implements BeforeAllCallback, AfterAllCallback {

    public static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final OfficialBroker.Settings brokerSettings;
    private final boolean recordTraffic;
    private final List<OfficialBroker> brokers = new ArrayList<>();
    private Path dir;
    private NameServer nameServer;
    private RecordingProxy proxy;
    private Admin admin;

    private CompatCluster(OfficialBroker.Settings brokerSettings, boolean recordTraffic) {
        this.brokerSettings = brokerSettings;
        this.recordTraffic = recordTraffic;
    }

    public static CompatCluster of(OfficialBroker.Settings brokerSettings) {
        return new CompatCluster(brokerSettings, false);
    }

    /** Like {@link #of}, with a {@link RecordingProxy} in front of the NameServer for everyone. */
    public static CompatCluster recordingNameServerTraffic(OfficialBroker.Settings brokerSettings) {
        return new CompatCluster(brokerSettings, true);
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
    public OfficialBroker startBroker(OfficialBroker.Settings settings) {
        OfficialBroker broker =
                OfficialBroker.start(nameServerAddress(), dir.resolve("broker-" + settings.brokerName()), settings);
        brokers.add(broker);
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
        return broker;
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
        brokers.forEach(OfficialBroker::close);
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
    public OfficialBroker broker() {
        return brokers.get(0);
    }

    public Admin admin() {
        return admin;
    }
}
