package io.couriermq.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.admin.cluster.BrokerView;
import io.couriermq.admin.cluster.ClusterView;
import io.couriermq.admin.group.GroupConnections;
import io.couriermq.admin.group.GroupProgress;
import io.couriermq.admin.group.QueueOffset;
import io.couriermq.admin.topic.QueueStatus;
import io.couriermq.admin.topic.TopicQueues;
import io.couriermq.admin.topic.TopicRouteView;
import io.couriermq.admin.topic.TopicSpec;
import io.couriermq.admin.topic.TopicStatus;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin client's cluster, topic and group areas against two in-process masters. */
class ClusterTopicGroupAdminIT {
    private static AdminTestCluster cluster;
    private static AdminClient admin;

    @TempDir
    static java.nio.file.Path dir;

    @BeforeAll
    static void start() {
        cluster = new AdminTestCluster();
        admin = AdminClient.connect(List.of(cluster.nameServer()), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        admin.close();
        cluster.close();
    }

    @Test
    void clustersShowEveryMasterWithItsRuntimeFigures() {
        List<ClusterView> clusters = admin.cluster().clusters();

        assertThat(clusters).singleElement().satisfies(view -> {
            assertThat(view.name()).isEqualTo("DefaultCluster");
            assertThat(view.brokerSets()).extracting(set -> set.brokerName()).containsExactly("broker-a", "broker-b");
        });
        BrokerView master = clusters.get(0).brokerSets().get(0).members().get(0);
        assertThat(master.role()).isEqualTo(BrokerView.MASTER);
        assertThat(master.address()).isEqualTo(cluster.cluster.brokerAddress("broker-a"));
        assertThat(master.runtime()).isNotNull();
        assertThat(master.version()).isEqualTo("V5_2_0");
        assertThat(master.runtime().active()).isTrue();
        assertThat(admin.cluster().masters(null)).containsOnlyKeys("broker-a", "broker-b");
    }

    @Test
    void aTopicCreatedOnTheClusterIsRoutedListedAndDeleted() {
        List<String> brokers =
                admin.topics().createOnCluster(new TopicSpec("AdminTopic", 3, 3, 6, false), "DefaultCluster");

        assertThat(brokers).containsExactly("broker-a", "broker-b");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics().route("AdminTopic").isPresent());
        TopicRouteView route = admin.topics().route("AdminTopic").orElseThrow();
        assertThat(route.queues())
                .containsExactly(new TopicQueues("broker-a", 3, 3, 6), new TopicQueues("broker-b", 3, 3, 6));
        assertThat(route.brokers()).extracting(b -> b.masterAddress()).doesNotContainNull();
        assertThat(admin.topics().list()).contains("AdminTopic");

        cluster.send("AdminTopic", "one", null, null);
        TopicStatus status = admin.topics().status("AdminTopic");
        assertThat(status.queues()).hasSize(6);
        assertThat(status.totalMaxOffset()).isEqualTo(1);
        assertThat(status.queues())
                .filteredOn(q -> q.maxOffset() == 1)
                .singleElement()
                .satisfies(q -> assertThat(q.lastUpdateTimestampMs()).isPositive());

        admin.topics()
                .createOnBroker(new TopicSpec("AdminTopic", 5, 5, 6, false), cluster.cluster.brokerAddress("broker-a"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics()
                                .route("AdminTopic")
                                .orElseThrow()
                                .queues()
                                .get(0)
                                .writeQueues()
                        == 5);

        assertThat(admin.topics().delete("AdminTopic", "DefaultCluster")).containsExactly("broker-a", "broker-b");
        assertThat(admin.topics().route("AdminTopic")).isEmpty();
        assertThat(admin.topics().list()).doesNotContain("AdminTopic");
    }

    @Test
    void progressShowsTheLagAndAResetByTimeMovesTheCommittedOffsets() {
        String topic = "AdminLagTopic";
        String group = "admin-lag-group";
        admin.topics().createOnCluster(TopicSpec.of(topic, 2), "DefaultCluster");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin.topics().route(topic).isPresent());
        for (int i = 0; i < 6; i++) {
            cluster.send(topic, "first-" + i, null, null);
        }
        AtomicInteger consumed = new AtomicInteger();
        PushConsumer consumer = PushConsumer.create(
                cluster.runtime("admin-lag-consumer"),
                ConsumerConfig.builder(group)
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                        .persistOffsetIntervalMs(200)
                        .offsetStoreDir(dir.resolve("offsets"))
                        .build(),
                (message, context) -> {
                    consumed.incrementAndGet();
                    return ConsumeResult.SUCCESS;
                });
        consumer.subscribe(topic, "*").start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(committed(group, topic)).isEqualTo(6));
            assertThat(admin.groups().progress(group).lagOf(topic)).isZero();
            assertThat(admin.groups().progress(group).queues())
                    .filteredOn(q -> q.topic().equals(topic))
                    .hasSize(4);
            GroupConnections connections = admin.groups().connections(group);
            assertThat(connections.online()).isTrue();
            assertThat(connections.clients()).singleElement().satisfies(c -> assertThat(c.clientId())
                    .contains("admin-lag-consumer"));
            assertThat(connections.subscriptions()).extracting(s -> s.topic()).contains(topic);
            assertThat(connections.messageModel()).isEqualTo("CLUSTERING");
        } finally {
            consumer.close();
        }
        assertThat(admin.groups().connections(group).online()).isFalse();
        assertThat(admin.groups().list()).contains(group);

        for (int i = 0; i < 3; i++) {
            cluster.send(topic, "second-" + i, null, null);
        }
        GroupProgress behind = admin.groups().progress(group);
        assertThat(behind.lagOf(topic)).isEqualTo(3);

        List<QueueOffset> reset = admin.groups().resetByTime(group, topic, 0, true);

        assertThat(reset).hasSize(4).extracting(QueueOffset::offset).containsOnly(0L);
        assertThat(admin.groups().progress(group).lagOf(topic)).isEqualTo(9);
        assertThat(admin.topics().status(topic).queues())
                .extracting(QueueStatus::minOffset)
                .containsOnly(0L);

        admin.groups().delete(group, null, true);
        assertThat(admin.groups().list()).doesNotContain(group);
    }

    private static long committed(String group, String topic) {
        return admin.groups().progress(group).queues().stream()
                .filter(q -> q.topic().equals(topic))
                .mapToLong(q -> Math.max(0, q.consumerOffset()))
                .sum();
    }

    @Test
    void aRefusalNamesTheBrokerTheRequestAndTheCode() {
        String broker = cluster.cluster.brokerAddress("broker-a");

        assertThatThrownBy(() -> admin.topics().createOnBroker(TopicSpec.of("TBW102", 1), "127.0.0.1:1"))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("UPDATE_AND_CREATE_TOPIC to 127.0.0.1:1 failed");
        assertThatThrownBy(() -> admin.topics().status("NoSuchAdminTopic"))
                .isInstanceOf(AdminException.class)
                .hasMessageContaining("NoSuchAdminTopic");
        assertThat(broker).isNotBlank();
    }
}
