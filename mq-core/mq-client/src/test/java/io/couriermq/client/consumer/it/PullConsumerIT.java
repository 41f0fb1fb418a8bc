package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.PullConsumer;
import io.couriermq.client.consumer.PullConsumerConfig;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull consumer against a real in-process NameServer and broker. */
class PullConsumerIT {
    private static final String TOPIC = "ItPull";

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;

    @BeforeEach
    void start() {
        cluster = new ConsumerTestCluster(dir);
        cluster.createTopic(TOPIC);
        for (int i = 1; i <= 9; i++) {
            cluster.send(TOPIC, 0, "p-" + i, null);
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static List<ReceivedMessage> pollUntil(PullConsumer consumer, int count) {
        List<ReceivedMessage> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(consumer.poll(Duration.ofMillis(200)));
            return received.size() >= count;
        });
        return received;
    }

    private static String body(ReceivedMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    @Test
    void assignPollSeekAndCommit() {
        MessageQueue q0 = new MessageQueue(TOPIC, "broker-a", 0);
        try (PullConsumer consumer = PullConsumer.create(
                cluster.runtime("pull-1"),
                PullConsumerConfig.builder("pg").autoCommit(false).build())) {
            assertThat(consumer.queuesOf(TOPIC)).hasSize(4).contains(q0);
            consumer.assign(List.of(q0));
            assertThat(consumer.assignment()).containsExactly(q0);

            List<ReceivedMessage> all = pollUntil(consumer, 10);
            assertThat(all)
                    .extracting(ReceivedMessage::queueOffset)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(body(all.get(1))).isEqualTo("p-1");
            assertThat(consumer.position(q0)).isEqualTo(10);

            consumer.seek(q0, 7);
            assertThat(pollUntil(consumer, 3))
                    .extracting(ReceivedMessage::queueOffset)
                    .containsExactly(7L, 8L, 9L);

            consumer.seekToBeginning(q0);
            assertThat(consumer.position(q0)).isZero();
            consumer.seekToEnd(q0);
            assertThat(consumer.position(q0)).isEqualTo(10);
            assertThat(consumer.offsetForTimestamp(q0, 0)).isZero();

            consumer.seek(q0, 4);
            assertThat(consumer.committed(q0)).isEmpty();
            consumer.commitSync();
            assertThat(consumer.committed(q0)).hasValue(4);
        }
        try (PullConsumer again = PullConsumer.create(
                cluster.runtime("pull-2"), PullConsumerConfig.builder("pg").build())) {
            again.assign(List.of(q0));
            assertThat(again.position(q0)).isEqualTo(4);
            assertThat(pollUntil(again, 6).get(0).queueOffset()).isEqualTo(4);
            again.commitAsync().join();
            assertThat(again.committed(q0)).hasValue(10);
        }
    }

    @Test
    void subscribeSharesTheQueuesOfTheGroup() {
        try (PullConsumer one = PullConsumer.create(
                        cluster.runtime("sub-1"),
                        PullConsumerConfig.builder("pg-sub")
                                .rebalanceIntervalMs(500)
                                .build());
                PullConsumer two = PullConsumer.create(
                        cluster.runtime("sub-2"),
                        PullConsumerConfig.builder("pg-sub")
                                .rebalanceIntervalMs(500)
                                .build())) {
            one.subscribe(TOPIC, "*");
            two.subscribe(TOPIC, "*");
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            one.assignment().size() == 2 && two.assignment().size() == 2);
            Set<MessageQueue> both = new java.util.HashSet<>(one.assignment());
            both.addAll(two.assignment());
            assertThat(both).hasSize(4);
        }
    }
}
