package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQNonRetryableException;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * courier.consumer.local-retry: a failed call is repeated in process, with the configured waits, before
 * the broker hears of it, so one delivery (reconsumeTimes 0) covers every attempt. The listeners would
 * get a broker retry after 1 s (delay level 1), which the tests watch for.
 */
@SpringBootTest(
        classes = LocalRetryIT.App.class,
        properties = {
            "courier.consumer.local-retry.max-attempts=3",
            "courier.consumer.local-retry.initial-interval=50ms",
            "courier.consumer.local-retry.multiplier=1",
            "courier.consumer.local-retry.max-interval=50ms"
        })
@EmbeddedMQ(topics = {"LR-Flaky:1", "LR-NonRetry:1"})
@DirtiesContext
class LocalRetryIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({FailsTwice.class, NotRetryable.class})
    static class App {}

    /** A call: the delivery's reconsumeTimes and when it happened. */
    record Attempt(int reconsumeTimes, long nanos) {}

    @Component
    @MQMessageListener(topic = "LR-Flaky", consumerGroup = "lr-flaky", delayLevelWhenNextConsume = 1)
    static class FailsTwice implements MQListener<ReceivedMessage> {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(ReceivedMessage message) {
            attempts.add(new Attempt(message.reconsumeTimes(), System.nanoTime()));
            if (attempts.size() <= 2) {
                throw new IllegalStateException("flaky, attempt " + attempts.size());
            }
        }
    }

    @Component
    @MQMessageListener(topic = "LR-NonRetry", consumerGroup = "lr-nonretry", delayLevelWhenNextConsume = 1)
    static class NotRetryable implements MQListener<ReceivedMessage> {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(ReceivedMessage message) {
            attempts.add(new Attempt(message.reconsumeTimes(), System.nanoTime()));
            throw new MQNonRetryableException("never worth retrying");
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    FailsTwice flaky;

    @Autowired
    NotRetryable notRetryable;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aListenerFailingTwiceSucceedsOnTheThirdLocalAttempt() {
        template.syncSend("LR-Flaky", "flaky");

        await().atMost(Duration.ofSeconds(20)).until(() -> flaky.attempts.size() >= 3);
        // a broker retry would come 1 s after a failure, with reconsumeTimes 1
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> flaky.attempts.size() == 3);
        assertThat(flaky.attempts).extracting(Attempt::reconsumeTimes).containsExactly(0, 0, 0);
        for (int i = 1; i < 3; i++) {
            long gapMs = Duration.ofNanos(flaky.attempts.get(i).nanos()
                            - flaky.attempts.get(i - 1).nanos())
                    .toMillis();
            assertThat(gapMs).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(45L);
        }
    }

    @Test
    void aNonRetryableFailureIsNotRetriedLocally() {
        template.syncSend("LR-NonRetry", "hopeless");

        await().atMost(Duration.ofSeconds(20)).until(() -> !notRetryable.attempts.isEmpty());
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> notRetryable.attempts.size() == 1);
    }
}
