package io.couriermq.clientcompat.cluster;

import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.NameServer;
import io.couriermq.harness.process.OfficialBroker;
import io.couriermq.harness.process.OfficialNameServer;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.test.RemotingProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apache RocketMQ 5.2.0: the official NameServer and master brokers, each in its own JVM started from
 * the classpath file of mq-official-classpath (no RocketMQ class is loaded here). The routes are read
 * over the wire with {@link RemotingProbe}. Processes still alive when the test JVM exits are killed
 * by {@code ManagedProcess}'s shutdown hook.
 */
public final class RocketMQCluster implements ClusterUnderTest {
    static final String CLUSTER_NAME = "DefaultCluster";
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);

    private final NameServer nameServer;
    private final Map<String, Broker> brokers = new LinkedHashMap<>();
    private final RemotingProbe probe = new RemotingProbe();

    private RocketMQCluster(NameServer nameServer) {
        this.nameServer = nameServer;
    }

    static RocketMQCluster start(int brokerCount, Path dir, Map<String, String> brokerSettings) {
        return start(brokerCount, dir, brokerSettings, null);
    }

    /** With {@code plainAcl} (null: none) as every broker's {@code $ROCKETMQ_HOME/conf/plain_acl.yml}. */
    static RocketMQCluster start(int brokerCount, Path dir, Map<String, String> brokerSettings, String plainAcl) {
        RocketMQCluster cluster = new RocketMQCluster(OfficialNameServer.start(dir.resolve("namesrv")));
        try {
            for (int i = 0; i < brokerCount; i++) {
                String name = "broker-" + (char) ('a' + i);
                if (plainAcl != null) {
                    writeAclFile(OfficialBroker.homeDirectory(dir.resolve(name)), plainAcl);
                }
                Broker.Settings settings = new Broker.Settings(CLUSTER_NAME, name, brokerSettings, null);
                cluster.brokers.put(
                        name, OfficialBroker.start(cluster.nameServerAddress(), dir.resolve(name), settings));
            }
            cluster.brokers.values().forEach(cluster::awaitRegistered);
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return "Apache RocketMQ 5.2.0 (processes)";
    }

    @Override
    public String nameServerAddress() {
        return nameServer.address();
    }

    @Override
    public List<String> brokerNames() {
        return List.copyOf(brokers.keySet());
    }

    @Override
    public String brokerAddress(String brokerName) {
        return broker(brokerName).address();
    }

    @Override
    public void createTopic(String topic, int queuesPerBroker) {
        List<String> running = new ArrayList<>();
        brokers.forEach((name, broker) -> {
            if (broker.process().isAlive()) {
                probe.createTopic(broker.address(), topic, queuesPerBroker);
                running.add(name);
            }
        });
        nameServer.process().awaitReady("route of " + topic + " on " + running, ROUTE_TIMEOUT, () -> route(topic)
                .map(route -> running.stream().allMatch(name -> hasQueues(route, name, queuesPerBroker)))
                .orElse(false));
    }

    @Override
    public void stopBroker(String brokerName) {
        broker(brokerName).stop();
        nameServer.process().awaitReady(brokerName + " unregistered", ROUTE_TIMEOUT, () -> !probe.clusterInfo(
                        nameServerAddress())
                .brokerAddrTable()
                .containsKey(brokerName));
    }

    /** SIGKILL: the broker cannot unregister; the NameServer drops it when the connection closes. */
    @Override
    public void crashBroker(String brokerName) {
        broker(brokerName).process().kill();
    }

    @Override
    public void restartBroker(String brokerName) {
        Broker broker = broker(brokerName);
        broker.restart();
        awaitRegistered(broker);
    }

    @Override
    public void close() {
        probe.close();
        brokers.values().forEach(Broker::close);
        nameServer.close();
    }

    private static void writeAclFile(Path home, String plainAcl) {
        Path file = home.resolve("conf").resolve("plain_acl.yml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, plainAcl);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Broker broker(String name) {
        Broker broker = brokers.get(name);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + name + "; the cluster has " + brokers.keySet());
        }
        return broker;
    }

    private Optional<TopicRouteData> route(String topic) {
        return probe.route(nameServerAddress(), topic);
    }

    private static boolean hasQueues(TopicRouteData route, String brokerName, int queues) {
        return route.queueDatas().stream()
                .anyMatch(queue -> queue.brokerName().equals(brokerName) && queue.writeQueueNums() == queues);
    }

    /** Registered: the NameServer lists the broker's address as master of its name. */
    private void awaitRegistered(Broker broker) {
        broker.process().awaitReady("registered at " + nameServerAddress(), ROUTE_TIMEOUT, () -> broker.address()
                .equals(Optional.ofNullable(probe.clusterInfo(nameServerAddress())
                                .brokerAddrTable()
                                .get(broker.brokerName()))
                        .map(BrokerData::masterAddress)
                        .orElse(null)));
    }

    @Override
    public String toString() {
        return description();
    }
}
