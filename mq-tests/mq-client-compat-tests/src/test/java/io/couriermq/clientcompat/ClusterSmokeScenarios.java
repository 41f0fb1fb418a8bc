package io.couriermq.clientcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.remoting.protocol.body.BrokerData;
import io.couriermq.remoting.protocol.body.QueueData;
import io.couriermq.remoting.protocol.body.TopicRouteData;
import io.couriermq.remoting.protocol.header.broker.SendMessageResponseHeader;
import io.couriermq.test.RemotingProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Proof that both clusters work from this module's classpath, before any client is involved: raw
 * requests over mq-remoting (route, send, pull) against two master brokers, and a crash and restart
 * of one of them. Each subclass names the cluster; the scenarios are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterSmokeScenarios {
    /** Generous: the official NameServer scans for dead connections every 500 ms here, ours reacts at once. */
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(30);

    private final RemotingProbe probe = new RemotingProbe();
    private ClusterUnderTest cluster;

    protected abstract ClusterUnderTest.Kind kind();

    @BeforeAll
    void startCluster() {
        cluster = ClusterUnderTest.start(kind(), 2, getClass().getSimpleName());
    }

    @AfterAll
    void stopCluster() {
        probe.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aCreatedTopicIsRoutedToBothBrokersAndCarriesAMessage() {
        cluster.createTopic("SmokeTopic", 4);

        TopicRouteData route =
                probe.route(cluster.nameServerAddress(), "SmokeTopic").orElseThrow();
        assertThat(route.queueDatas())
                .as(cluster.description())
                .extracting(QueueData::brokerName)
                .containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(route.queueDatas())
                .allSatisfy(queues -> assertThat(queues.writeQueueNums()).isEqualTo(4));
        Map<String, String> masters = route.brokerDatas().stream()
                .collect(Collectors.toMap(BrokerData::brokerName, BrokerData::masterAddress));
        assertThat(masters)
                .containsEntry("broker-a", cluster.brokerAddress("broker-a"))
                .containsEntry("broker-b", cluster.brokerAddress("broker-b"));

        SendMessageResponseHeader sent = send("broker-a", "SmokeTopic", 1, "hello");

        assertThat(sent.queueId()).isEqualTo(1);
        assertThat(sent.queueOffset()).isZero();
        assertThat(bodies("broker-a", "SmokeTopic", 1)).containsExactly("hello");
    }

    @Test
    void aCrashedBrokerLeavesTheRouteAndComesBackAfterARestart() {
        cluster.createTopic("FailoverTopic", 2);
        send("broker-b", "FailoverTopic", 0, "before the crash");

        cluster.crashBroker("broker-b");

        await("route without the crashed broker-b (" + cluster.description() + ")")
                .atMost(NOTICE_TIMEOUT)
                .until(() -> routedBrokers("FailoverTopic"), Set.of("broker-a")::equals);
        assertThat(send("broker-a", "FailoverTopic", 0, "meanwhile").queueOffset())
                .isZero();

        cluster.restartBroker("broker-b");

        await("route with broker-b again")
                .atMost(NOTICE_TIMEOUT)
                .until(() -> routedBrokers("FailoverTopic"), Set.of("broker-a", "broker-b")::equals);
        assertThat(bodies("broker-b", "FailoverTopic", 0)).containsExactly("before the crash");
        assertThat(send("broker-b", "FailoverTopic", 0, "after the restart").queueOffset())
                .isEqualTo(1);
    }

    private SendMessageResponseHeader send(String broker, String topic, int queueId, String body) {
        return probe.send(cluster.brokerAddress(broker), broker, topic, queueId, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The queue's bodies from offset 0, once the broker has dispatched them (asynchronous on both). */
    private List<String> bodies(String broker, String topic, int queueId) {
        String address = cluster.brokerAddress(broker);
        return await("messages in " + topic + "/" + queueId + " on " + broker)
                .atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> probe.pullBodies(address, broker, topic, queueId, 0), found -> !found.isEmpty());
    }

    private Set<String> routedBrokers(String topic) {
        return probe.route(cluster.nameServerAddress(), topic)
                .map(route ->
                        route.brokerDatas().stream().map(BrokerData::brokerName).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
