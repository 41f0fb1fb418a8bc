package io.couriermq.client.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
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
    private static final int QUEUES = 4;

    @TempDir
    Path dir;

    private ConsumerTestCluster cluster;
    private final List<PushConsumer> consumers = new ArrayList<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    /** Per member, the highest load number it consumed: proof that it takes part. */
    private final Map<String, AtomicInteger> highestConsumed = new ConcurrentHashMap<>();

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
        AtomicInteger highest = highestConsumed.computeIfAbsent(instance, name -> new AtomicInteger(-1));
        PushConsumer consumer = PushConsumer.create(cluster.runtime(instance), config, (message, context) -> {
            String body = new String(message.body(), StandardCharsets.UTF_8);
            received.add(body);
            if (body.startsWith("load-")) {
                highest.accumulateAndGet(Integer.parseInt(body.substring("load-".length())), Math::max);
            }
            return ConsumeResult.SUCCESS;
        });
        consumers.add(consumer);
        return consumer.subscribe(TOPIC, "*").start();
    }

    @Test
    void aThirdMemberJoinsAndOneLeavesUnderLoadWithoutLosingAMessage() throws Exception {
        PushConsumer first = join("m1");
        PushConsumer second = join("m2");
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread producer = new Thread(() -> {
            while (sending.get()) {
                int n = sent.get();
                cluster.send(TOPIC, n % QUEUES, "load-" + n, null);
                sent.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        });
        producer.start();

        // each phase ends once the members it names consume what was sent after it began
        awaitConsumingTogether(sent.get(), List.of(first, second), "m1", "m2");
        PushConsumer third = join("m3");
        awaitConsumingTogether(sent.get(), List.of(first, second, third), "m1", "m2", "m3");
        first.close();
        consumers.remove(first);
        awaitConsumingTogether(sent.get(), List.of(second, third), "m2", "m3");
        sending.set(false);
        producer.join();

        int total = sent.get();
        assertThat(total).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> uniqueLoad().size() == total);
        long deliveries =
                received.stream().filter(body -> body.startsWith("load-")).count();
        int distinct = uniqueLoad().size();
        log.info(
                "rebalance under load: sent {}, received {} distinct, {} duplicates",
                total,
                distinct,
                deliveries - distinct);
        assertThat(uniqueLoad()).hasSize(total);
    }

    /**
     * Waits until {@code members} hold every queue between them, each at least one, and each consumed a
     * message sent at or after {@code fromLoad}.
     */
    private void awaitConsumingTogether(int fromLoad, List<PushConsumer> members, String... instances) {
        await("%s share the queues and consume from load-%d".formatted(List.of(instances), fromLoad))
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    Set<MessageQueue> held = new HashSet<>();
                    int total = 0;
                    for (PushConsumer member : members) {
                        Set<MessageQueue> queues = member.assignment().stream()
                                .filter(queue -> queue.topic().equals(TOPIC))
                                .collect(Collectors.toSet());
                        if (queues.isEmpty()) {
                            return false;
                        }
                        held.addAll(queues);
                        total += queues.size();
                    }
                    return held.size() == QUEUES
                            && total == QUEUES
                            && Arrays.stream(instances)
                                    .allMatch(name -> highestConsumed.get(name).get() >= fromLoad);
                });
    }

    private Set<String> uniqueLoad() {
        Set<String> unique = new HashSet<>();
        received.stream().filter(body -> body.startsWith("load-")).forEach(unique::add);
        return unique;
    }
}
