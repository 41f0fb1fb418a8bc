package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.NameServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof 5: a broker that stops without unregistering loses its routes after the (shortened) expiry.
 *
 * <p>The official 5.2.0 broker sends {@code heartbeatTimeoutMillis} in REGISTER_BROKER only with
 * {@code enableSlaveActingMaster=true}, and then sends {@code brokerNotActiveTimeoutMillis}. In that
 * mode it also heartbeats every second with QUERY_DATA_VERSION ({@code compatibleWithOldNameSrv},
 * default true), which must keep a live broker registered.
 */
class BrokerExpiryIT {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);

    /** Scan interval, one missed heartbeat interval, and slack for a busy 2-core machine. */
    private static final Duration EXPIRY_DEADLINE =
            HEARTBEAT_TIMEOUT.plus(NameServer.EXPIRY_SCAN_INTERVAL).plusSeconds(7);

    /**
     * The live broker's timeout: long enough that a busy machine does not starve its once-a-second
     * heartbeats into a false expiry, short enough (its periodic REGISTER_BROKER comes only after
     * 10 s, then every 30 s) that a NameServer ignoring QUERY_DATA_VERSION would drop it mid-class.
     */
    private static final Duration LIVE_HEARTBEAT_TIMEOUT = Duration.ofSeconds(6);

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.of(withExpiry("compat-broker-live", LIVE_HEARTBEAT_TIMEOUT));

    @Test
    void killedBrokerDisappearsWhileALiveOneStays() throws Exception {
        Broker doomed = cluster.startBroker(withExpiry("compat-broker-killed", HEARTBEAT_TIMEOUT));
        String topic = "CompatExpiryTopic-" + UUID.randomUUID().toString().substring(0, 8);
        cluster.admin().createTopic(doomed, topic, 2, Duration.ofSeconds(30));

        // SIGKILL: no shutdown hook, so no UNREGISTER_BROKER; the kernel closes its connections.
        doomed.process().kill();

        awaitGone(doomed, topic);
        assertThat(cluster.admin().isRegistered(cluster.broker())).isTrue();
    }

    @Test
    void silentBrokerWithItsConnectionOpenExpires() throws Exception {
        Broker silent = cluster.startBroker(withExpiry("compat-broker-frozen", HEARTBEAT_TIMEOUT));
        String topic = "CompatExpiryTopic-" + UUID.randomUUID().toString().substring(0, 8);
        cluster.admin().createTopic(silent, topic, 2, Duration.ofSeconds(30));

        // SIGSTOP: the connection stays open, only the heartbeats stop. Only expiry can remove it.
        silent.process().freeze();
        long frozenAt = System.nanoTime();

        awaitGone(silent, topic);
        Duration silence = Duration.ofNanos(System.nanoTime() - frozenAt);
        // The last heartbeat can be up to a second older than the freeze.
        assertThat(silence).isGreaterThanOrEqualTo(HEARTBEAT_TIMEOUT.minusSeconds(1));
        assertThat(cluster.admin().isRegistered(cluster.broker()))
                .as("a live broker heartbeating every second stays registered")
                .isTrue();
    }

    private static void awaitGone(Broker broker, String topic) {
        await(broker.brokerName() + " and " + topic + " removed by the NameServer")
                .atMost(EXPIRY_DEADLINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !cluster.admin().isRegistered(broker)
                        && cluster.admin().route(topic).isEmpty());
    }

    /** The official broker sends heartbeatTimeoutMillis only in acting-master mode. */
    private static Broker.Settings withExpiry(String brokerName, Duration heartbeatTimeout) {
        Map<String, String> expiry = Map.of(
                "enableSlaveActingMaster",
                "true",
                "brokerNotActiveTimeoutMillis",
                Long.toString(heartbeatTimeout.toMillis()));
        return new Broker.Settings(Broker.Settings.defaults().clusterName(), brokerName, expiry, null);
    }
}
