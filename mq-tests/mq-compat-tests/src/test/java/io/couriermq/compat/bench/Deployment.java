package io.couriermq.compat.bench;

import io.couriermq.compat.harness.Admin;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.NameServer;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * One system under test: its NameServer and one broker, each a process of its own, with a fresh store.
 * Started for one figure and closed after it (processes killed, store deleted, logs kept).
 */
final class Deployment implements AutoCloseable {
    /** A bound for a broker that never registers, not a timing claim. */
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);

    private final NameServer nameServer;
    private final Admin admin;
    private Broker broker;

    private Deployment(NameServer nameServer) {
        this.nameServer = nameServer;
        this.admin = Admin.connect(nameServer.address());
    }

    /** A NameServer of {@code contender}'s kind, no broker yet. */
    static Deployment nameServerOnly(Contender contender, Path dir) {
        return new Deployment(NameServer.start(contender.kind(), dir.resolve("namesrv")));
    }

    /** A NameServer and a broker registered with it. */
    static Deployment start(Contender contender, Path dir, Broker.Settings settings) {
        Deployment deployment = nameServerOnly(contender, dir);
        try {
            deployment.startBroker(contender, dir.resolve("broker"), settings);
            deployment.awaitRegistered(Duration.ofMillis(100));
            return deployment;
        } catch (RuntimeException | AssertionError e) {
            deployment.close();
            throw e;
        }
    }

    /** Starts the broker (closing any earlier one); returns when its port is open. */
    void startBroker(Contender contender, Path dir, Broker.Settings settings) {
        if (broker != null) {
            broker.close();
        }
        broker = Broker.start(contender.kind(), nameServer.address(), dir, settings);
    }

    /** Waits until the NameServer lists the broker as its name's master, asking every {@code poll}. */
    void awaitRegistered(Duration poll) {
        Awaitility.await(broker.name() + " registered with " + nameServer.address())
                .atMost(REGISTRATION_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(poll)
                .ignoreExceptions()
                .until(() -> admin.isRegistered(broker));
    }

    /** Waits until the NameServer serves a route for {@code topic}. */
    void awaitRoute(String topic, Duration timeout) {
        Awaitility.await("route of " + topic + " at " + nameServer.address())
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> admin.route(topic).isPresent());
    }

    /**
     * Commit-log bytes the broker has stored but not yet dispatched to its consume queues (GET_BROKER_RUNTIME_INFO's
     * {@code dispatchBehindBytes}, which both brokers report): messages acknowledged but not yet consumable.
     */
    long dispatchBehindBytes() {
        try {
            return Long.parseLong(admin.raw()
                    .fetchBrokerRuntimeStats(broker.address())
                    .getTable()
                    .get("dispatchBehindBytes"));
        } catch (Exception e) {
            throw new IllegalStateException("runtime info of " + broker.address() + ": " + e.getMessage(), e);
        }
    }

    String nameServerAddress() {
        return nameServer.address();
    }

    Broker broker() {
        return broker;
    }

    @Override
    public void close() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            admin.close();
            nameServer.close();
        }
    }
}
