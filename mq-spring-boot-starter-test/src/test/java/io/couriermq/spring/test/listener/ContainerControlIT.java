package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerContainer;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The registry's control of containers: pause and resume, restart, and a container that starts only when
 * told.
 */
@SpringBootTest(classes = ContainerControlIT.App.class)
@EmbeddedMQ(topics = {"CC-Pausable:2", "CC-Manual:2", "CC-Restart:2"})
@DirtiesContext
class ContainerControlIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Pausable.class, Manual.class, Restartable.class})
    static class App {}

    @Component
    @MQMessageListener(topic = "CC-Pausable", consumerGroup = "cc-pausable", id = "pausable")
    static class Pausable extends RecordingListener<String> {}

    @Component
    @MQMessageListener(topic = "CC-Manual", consumerGroup = "cc-manual", autoStartup = "false")
    static class Manual extends RecordingListener<String> {}

    /** Starts at the first offset: a restart that lost the group's committed offsets would read everything again. */
    @Component
    @MQMessageListener(
            topic = "CC-Restart",
            consumerGroup = "cc-restart",
            id = "restartable",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Restartable extends RecordingListener<String> {}

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    Pausable pausable;

    @Autowired
    Manual manual;

    @Autowired
    Restartable restartable;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aPausedContainerReceivesNothingUntilResumedThenCatchesUp() {
        MQListenerContainer container = registry.getListenerContainer("pausable");
        assertThat(container.group()).isEqualTo("cc-pausable");
        template.syncSend("CC-Pausable", "before");
        await().atMost(WAIT).until(() -> pausable.received.contains("before"));

        registry.pause("pausable");
        assertThat(container.isPaused()).isTrue();
        List<String> whilePaused =
                IntStream.range(0, 10).mapToObj(i -> "paused-" + i).toList();
        whilePaused.forEach(payload -> template.syncSend("CC-Pausable", payload));

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> pausable.received.equals(List.of("before")));
        assertThat(totalLag(container)).isGreaterThanOrEqualTo(whilePaused.size());

        registry.resume("pausable");
        assertThat(container.isPaused()).isFalse();
        await().atMost(WAIT).until(() -> pausable.received.containsAll(whilePaused));
        await().atMost(WAIT).until(() -> totalLag(container) == 0);
        assertThat(pausable.received).hasSize(1 + whilePaused.size());
    }

    @Test
    void aContainerWithoutAutoStartupStartsWhenTold() {
        MQListenerContainer container = registry.getListenerContainer("cc-manual");
        assertThat(container.autoStartup()).isFalse();
        assertThat(container.isRunning()).isFalse();
        assertThat(container.lag()).isEmpty();

        template.syncSend("CC-Manual", "waiting");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> manual.received.isEmpty());

        container.start();
        try {
            assertThat(container.isRunning()).isTrue();
            // a new group on a young topic starts at its first message, so what was sent before is received
            await().atMost(WAIT).until(() -> manual.received.contains("waiting"));
        } finally {
            container.stop();
        }
        assertThat(container.isRunning()).isFalse();
    }

    @Test
    void aRestartedContainerGoesOnFromItsCommittedOffsetsWithANewConsumer() {
        MQListenerContainer container = registry.getListenerContainer("restartable");
        List<String> before = IntStream.range(0, 5).mapToObj(i -> "before-" + i).toList();
        before.forEach(payload -> template.syncSend("CC-Restart", payload));
        await().atMost(WAIT).until(() -> restartable.received.containsAll(before));
        Object consumerBefore = ReflectionTestUtils.getField(container, "consumer");

        registry.restart("restartable");

        assertThat(container.isRunning()).isTrue();
        Object consumerAfter = ReflectionTestUtils.getField(container, "consumer");
        assertThat(consumerAfter).isNotNull().isNotSameAs(consumerBefore);
        Assignments.awaitAll(container, cluster);
        List<String> after = IntStream.range(0, 5).mapToObj(i -> "after-" + i).toList();
        after.forEach(payload -> template.syncSend("CC-Restart", payload));

        await().atMost(WAIT).until(() -> restartable.received.containsAll(after));
        // nothing consumed before the restart comes again (it would come at once, from the first offset)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        restartable.received)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(before.stream(), after.stream()).toList()));
        await().atMost(WAIT).until(() -> totalLag(container) == 0);
    }

    private static long totalLag(MQListenerContainer container) {
        return container.lag().values().stream().mapToLong(Long::longValue).sum();
    }
}
