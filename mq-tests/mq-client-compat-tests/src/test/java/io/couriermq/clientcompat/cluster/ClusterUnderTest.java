package io.couriermq.clientcompat.cluster;

import io.couriermq.harness.process.WorkDir;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The servers a scenario runs against: CourierMQ's ({@link CourierCluster}, in this JVM) or Apache
 * RocketMQ 5.2.0's ({@link RocketMQCluster}, child processes). One NameServer and N master brokers
 * named {@code broker-a}, {@code broker-b}, ..., on free loopback ports, their files under
 * {@code target/compat-work}. Every method that changes the cluster returns once the NameServer's
 * routes show the change, except {@link #crashBroker}, which returns at once as a crash would.
 */
public interface ClusterUnderTest extends AutoCloseable {

    /** What runs, for test names and failure messages. */
    String description();

    /** {@code host:port[;host:port]}, as a client is configured with it. */
    String nameServerAddress();

    List<String> brokerNames();

    /** {@code 127.0.0.1:port}; the same after a restart. */
    String brokerAddress(String brokerName);

    /** Creates {@code topic} with as many read and write queues on every running broker; waits for the route. */
    void createTopic(String topic, int queuesPerBroker);

    /** Clean stop: the broker unregisters; returns when the route has lost it. */
    void stopBroker(String brokerName);

    /**
     * As abrupt as the implementation allows: {@code kill -9} of the official broker, {@link
     * io.couriermq.test.EmbeddedCluster#crashBroker} of ours. No unregistration: the route loses the
     * broker once the NameServer notices the closed connection. Returns at once.
     */
    void crashBroker(String brokerName);

    /** Starts the broker again on its port and store (stopping it first if it runs); waits until registered. */
    void restartBroker(String brokerName);

    /** Stops every server and deletes the stores; logs of processes stay under {@code target/compat-work}. */
    @Override
    void close();

    /** Which servers: a scenario class has one {@code *IT} subclass per kind. */
    enum Kind {
        COURIER,
        ROCKETMQ
    }

    /** Starts a cluster of {@code kind} with {@code brokers} masters; files under {@code target/compat-work/name}. */
    static ClusterUnderTest start(Kind kind, int brokers, String name) {
        return start(kind, brokers, name, Map.of());
    }

    /**
     * As {@link #start(Kind, int, String)}, every broker configured with {@code brokerSettings} as
     * broker.conf keys (both brokers read the same keys, e.g. {@code transactionCheckInterval}).
     */
    static ClusterUnderTest start(Kind kind, int brokers, String name, Map<String, String> brokerSettings) {
        Path dir = WorkDir.fresh(name + "-" + kind.name().toLowerCase(Locale.ROOT));
        return switch (kind) {
            case COURIER -> CourierCluster.start(brokers, dir, brokerSettings);
            case ROCKETMQ -> RocketMQCluster.start(brokers, dir, brokerSettings);
        };
    }

    /**
     * As {@link #start(Kind, int, String, Map)} with ACL 1.0 on: every broker gets {@code aclEnable=true}
     * and reads {@code plainAcl} (RocketMQ's plain_acl.yml format) as its accounts file. {@link
     * #createTopic} sends unsigned requests, which such a broker refuses: create topics with an admin
     * account's {@code AdminClient}.
     */
    static ClusterUnderTest startWithAcl(
            Kind kind, int brokers, String name, Map<String, String> brokerSettings, String plainAcl) {
        Map<String, String> settings = new LinkedHashMap<>(brokerSettings);
        settings.put("aclEnable", "true");
        Path dir = WorkDir.fresh(name + "-" + kind.name().toLowerCase(Locale.ROOT));
        return switch (kind) {
            case COURIER -> CourierCluster.start(brokers, dir, settings, plainAcl);
            case ROCKETMQ -> RocketMQCluster.start(brokers, dir, settings, plainAcl);
        };
    }
}
