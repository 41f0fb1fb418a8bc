package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Members join and leave a clustering group under steady load: nothing is lost; duplicates are counted. */
class RebalanceIT {
    private static final Logger log = LoggerFactory.getLogger(RebalanceIT.class);
    private static final String TOPIC = "ItRebalance";
    private static final String GROUP = "cg-rebalance";

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;
    private final List<PushConsumer> consumers = new ArrayList<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() {
        cluster = new ConsumerTestCluster(dir);
        cluster.createTopic(TOPIC);
    }

    @AfterEach
    void stop() {
        consumers.forEach(PushConsumer::close);
        cluster.close();
    }

    private PushConsumer join(String instance) {
        ConsumerConfig config = ConsumerConfig.builder(GROUP)
                .rebalanceIntervalMs(1_000)
                .persistOffsetIntervalMs(500)
                .shutdownAwaitMs(5_000)
                .build();
        PushConsumer consumer = PushConsumer.create(cluster.runtime(instance), config, (message, context) -> {
            received.add(new String(message.body(), StandardCharsets.UTF_8));
            return ConsumeResult.SUCCESS;
        });
        consumers.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    @Test
    void aThirdMemberJoinsAndOneLeavesUnderLoadWithoutLosingAMessage() throws Exception {
        PushConsumer first = join("m1");
        join("m2");
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread producer = new Thread(() -> {
            while (sending.get()) {
                int n = sent.get();
                cluster.send(TOPIC, n % 4, "load-" + n, null);
                sent.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        });
        producer.start();

        // phases by time, not count: the send rate depends on the machine
        Thread.sleep(2_000);
        join("m3");
        Thread.sleep(3_000);
        first.close();
        consumers.remove(first);
        Thread.sleep(3_000);
        sending.set(false);
        producer.join();

        int total = sent.get();
        assertThat(total).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> uniqueLoad().size() == total);
        long deliveries =
                received.stream().filter(body -> body.startsWith("load-")).count();
        log.info(
                "rebalance under load: sent {}, received {} distinct, {} duplicates", total, total, deliveries - total);
        assertThat(uniqueLoad()).hasSize(total);
    }

    private Set<String> uniqueLoad() {
        Set<String> unique = new HashSet<>();
        received.stream().filter(body -> body.startsWith("load-")).forEach(unique::add);
        return unique;
    }
}
