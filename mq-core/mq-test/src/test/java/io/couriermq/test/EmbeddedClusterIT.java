package io.couriermq.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster seen from outside, over real sockets, as a client would see it. */
class EmbeddedClusterIT {
    @TempDir
    Path parent;

    private final RemotingProbe probe = new RemotingProbe();
    private EmbeddedCluster cluster;

    @AfterEach
    void stop() {
        probe.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyBrokerIsRegisteredWithEveryNameServerWhenStartReturns() {
        cluster = EmbeddedCluster.builder()
                .nameServers(2)
                .brokers(2)
                .clusterName("TestCluster")
                .parentDirectory(parent)
                .start();

        List<String> nameServers = List.of(cluster.nameServerAddress().split(";"));
        assertThat(nameServers).hasSize(2).allMatch(address -> address.startsWith("127.0.0.1:"));
        assertThat(cluster.brokerNames()).containsExactly("broker-a", "broker-b");
        for (String nameServer : nameServers) {
            Map<String, BrokerData> brokers = probe.clusterInfo(nameServer).brokerAddrTable();
            assertThat(brokers).containsOnlyKeys("broker-a", "broker-b");
            assertThat(brokers.get("broker-b").masterAddress()).isEqualTo(cluster.brokerAddress("broker-b"));
            assertThat(brokers.get("broker-a").cluster()).isEqualTo("TestCluster");
        }
    }

    @Test
    void aCreatedTopicIsRoutedOnEveryBrokerAndCarriesMessages() {
        cluster = EmbeddedCluster.builder().brokers(2).parentDirectory(parent).start();

        cluster.createTopic("Orders", 3);

        TopicRouteData route =
                probe.route(cluster.nameServerAddress(), "Orders").orElseThrow();
        assertThat(route.queueDatas())
                .extracting(QueueData::brokerName, QueueData::writeQueueNums)
                .containsExactlyInAnyOrder(tuple("broker-a", 3), tuple("broker-b", 3));
        assertThat(cluster.route("Orders")).contains(route);
        SendMessageResponseHeader sent = send("broker-b", "Orders", 2, "hello");
        assertThat(sent.queueOffset()).isZero();
        assertThat(bodiesFrom("broker-b", "Orders", 2)).containsExactly("hello");
    }

    @Test
    void aStoppedBrokerLeavesTheRouteAtOnceAndARestartBringsItBackWithItsMessages() {
        String address = twoBrokersWithOneMessageOnBrokerA(0, "before the stop");

        cluster.stopBroker("broker-a");

        assertThat(routedBrokers("Orders")).containsExactly("broker-b");
        assertThat(accepts(address)).isFalse();

        cluster.restartBroker("broker-a");

        assertThat(cluster.brokerAddress("broker-a")).isEqualTo(address);
        assertThat(routedBrokers("Orders")).containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(bodiesFrom("broker-a", "Orders", 0)).containsExactly("before the stop");
    }

    @Test
    void aCrashedBrokerDropsOutOfTheRouteAndRecoversItsStoreOnRestart() {
        String address = twoBrokersWithOneMessageOnBrokerA(1, "before the crash");

        cluster.crashBroker("broker-a");

        assertThat(accepts(address)).as("listening socket closed").isFalse();
        assertThat(Files.exists(cluster.broker("broker-a").storeDir().resolve("abort")))
                .as("abort marker left for recovery")
                .isTrue();
        await("NameServer notices the closed connection")
                .atMost(Duration.ofSeconds(10))
                .until(() -> routedBrokers("Orders").equals(Set.of("broker-b")));

        cluster.restartBroker("broker-a");

        assertThat(routedBrokers("Orders")).containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(bodiesFrom("broker-a", "Orders", 1)).containsExactly("before the crash");
        assertThat(send("broker-a", "Orders", 1, "after").queueOffset()).isEqualTo(1);
    }

    @Test
    void brokerSettingsOverrideTheDefaults() {
        cluster = EmbeddedCluster.builder()
                .brokerSetting("autoCreateTopicEnable", "false")
                .parentDirectory(parent)
                .start();

        assertThat(cluster.broker("broker-a").broker().topics().find("TBW102"))
                .as("no auto-creation template without autoCreateTopicEnable")
                .isEmpty();
    }

    @Test
    void closeDeletesTheDirectory() {
        cluster = EmbeddedCluster.builder().parentDirectory(parent).start();
        Path dir = cluster.directory();
        assertThat(dir).isDirectory().startsWith(parent);

        cluster.close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void aFailedStartLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> EmbeddedCluster.builder()
                        .brokerSetting("brokerPermission", "99")
                        .parentDirectory(parent)
                        .start())
                .hasMessageContaining("brokerPermission");

        try (var left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    /** Two brokers, topic Orders with 2 queues each, {@code body} sent to broker-a's queue; its address. */
    private String twoBrokersWithOneMessageOnBrokerA(int queueId, String body) {
        cluster = EmbeddedCluster.builder().brokers(2).parentDirectory(parent).start();
        cluster.createTopic("Orders", 2);
        send("broker-a", "Orders", queueId, body);
        return cluster.brokerAddress("broker-a");
    }

    private SendMessageResponseHeader send(String broker, String topic, int queueId, String body) {
        return probe.send(cluster.brokerAddress(broker), broker, topic, queueId, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The queue's bodies from offset 0, once dispatched (dispatch to the consume queue is asynchronous). */
    private List<String> bodiesFrom(String broker, String topic, int queueId) {
        String address = cluster.brokerAddress(broker);
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> probe.pullBodies(address, broker, topic, queueId, 0), bodies -> !bodies.isEmpty());
    }

    private Set<String> routedBrokers(String topic) {
        return probe.route(cluster.nameServerAddress(), topic).orElseThrow().brokerDatas().stream()
                .map(BrokerData::brokerName)
                .collect(Collectors.toSet());
    }

    private static boolean accepts(String address) {
        String[] hostPort = address.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
