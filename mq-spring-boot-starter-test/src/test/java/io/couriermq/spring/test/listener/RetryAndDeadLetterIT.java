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
import java.nio.charset.StandardCharsets;
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
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Failures go back to the broker: retried at the listener's delay level until maxReconsumeTimes, then to
 * {@code %DLQ%<group>}, where a listener of another group reads them; a non-retryable failure goes there
 * at once; {@code false} from a method asks for a retry. Delay level 1 (1 s) keeps retries fast. The
 * dead-letter topics are created up front so their reader has a route from the start (the broker would
 * create them with the first dead letter).
 */
@SpringBootTest(classes = RetryAndDeadLetterIT.App.class)
@EmbeddedMQ(topics = {"RD-Fail:1", "RD-NonRetry:1", "RD-False:1", "%DLQ%rd-fail:1", "%DLQ%rd-nonretry:1"})
@DirtiesContext
class RetryAndDeadLetterIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({AlwaysFails.class, NotRetryable.class, FalseOnce.class, DeadLetterReader.class})
    static class App {}

    /** One call as the listener saw it. */
    record Call(String body, int reconsumeTimes) {
        static Call of(ReceivedMessage message) {
            return new Call(new String(message.body(), StandardCharsets.UTF_8), message.reconsumeTimes());
        }
    }

    @Component
    @MQMessageListener(
            topic = "RD-Fail",
            consumerGroup = "rd-fail",
            maxReconsumeTimes = 1,
            delayLevelWhenNextConsume = 1)
    static class AlwaysFails implements MQListener<ReceivedMessage> {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(ReceivedMessage message) {
            calls.add(Call.of(message));
            throw new IllegalStateException("always fails");
        }
    }

    @Component
    @MQMessageListener(
            topic = "RD-NonRetry",
            consumerGroup = "rd-nonretry",
            maxReconsumeTimes = 1,
            delayLevelWhenNextConsume = 1)
    static class NotRetryable implements MQListener<ReceivedMessage> {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(ReceivedMessage message) {
            calls.add(Call.of(message));
            throw new MQNonRetryableException("malformed, retrying cannot help");
        }
    }

    @Component
    static class FalseOnce {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @MQMessageListener(topic = "RD-False", consumerGroup = "rd-false", delayLevelWhenNextConsume = 1)
        boolean onMessage(ReceivedMessage message) {
            calls.add(Call.of(message));
            return calls.size() > 1;
        }
    }

    /** Reads both dead-letter topics, in a group of its own. */
    @Component
    static class DeadLetterReader {
        final List<ReceivedMessage> failed = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> notRetryable = new CopyOnWriteArrayList<>();

        @MQMessageListener(topic = "%DLQ%rd-fail", consumerGroup = "rd-dlq-reader")
        void onFailed(ReceivedMessage message) {
            failed.add(message);
        }

        @MQMessageListener(topic = "%DLQ%rd-nonretry", consumerGroup = "rd-dlq-reader")
        void onNotRetryable(ReceivedMessage message) {
            notRetryable.add(message);
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    AlwaysFails alwaysFails;

    @Autowired
    NotRetryable notRetryable;

    @Autowired
    FalseOnce falseOnce;

    @Autowired
    DeadLetterReader deadLetters;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aMessageThatKeepsFailingIsRetriedThenDeadLettered() {
        var sent = template.syncSend(
                "RD-Fail:poison",
                MessageBuilder.withPayload("doomed")
                        .setHeader("origin", "retry-test")
                        .build());

        await().atMost(WAIT).until(() -> !deadLetters.failed.isEmpty());
        ReceivedMessage dead = deadLetters.failed.get(0);
        assertThat(new String(dead.body(), StandardCharsets.UTF_8)).isEqualTo("doomed");
        assertThat(dead.messageId()).isEqualTo(sent.messageId());
        assertThat(dead.property("origin")).isEqualTo("retry-test");
        assertThat(alwaysFails.calls).containsExactly(new Call("doomed", 0), new Call("doomed", 1));
        assertThat(deadLetters.failed).hasSize(1);
    }

    @Test
    void aNonRetryableFailureIsDeadLetteredAfterOneCall() {
        template.syncSend("RD-NonRetry", "malformed");

        await().atMost(WAIT).until(() -> !deadLetters.notRetryable.isEmpty());
        assertThat(new String(deadLetters.notRetryable.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("malformed");
        assertThat(notRetryable.calls).containsExactly(new Call("malformed", 0));
    }

    @Test
    void falseFromAMethodAsksForARetry() {
        template.syncSend("RD-False", "again");

        await().atMost(WAIT).until(() -> falseOnce.calls.size() >= 2);
        // the second call returned true: no third one comes (a retry would arrive after 1 s)
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        falseOnce.calls)
                .containsExactly(new Call("again", 0), new Call("again", 1)));
    }
}
