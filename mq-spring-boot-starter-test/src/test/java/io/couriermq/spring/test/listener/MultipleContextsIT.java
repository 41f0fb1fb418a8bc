package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.remoting.protocol.body.MessageQueue;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several applications in one JVM against one cluster, as cached test contexts or a blue/green switch
 * have them: a BROADCASTING group delivers every message to each, a CLUSTERING group splits them without
 * duplicates, and a group closed with messages in flight loses none to its successor. The applications
 * keep the default client instance name: each client runtime then announces an id of its own, so the
 * brokers see two members. Extra applications are built with {@link SpringApplicationBuilder} and
 * closed by the test; they import listeners explicitly (no component scan, which would find every test's
 * nested beans).
 */
@SpringBootTest(classes = MultipleContextsIT.App.class)
@EmbeddedMQ(topics = {"MC-Broadcast:4", "MC-Cluster:4", "MC-Slow:2"})
@DirtiesContext
class MultipleContextsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path OFFSETS = temporaryDirectory();

    /** The second application of the broadcasting and clustering tests, started on first use. */
    private static ConfigurableApplicationContext second;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Broadcast.class, Cluster.class})
    static class App {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Slow.class)
    static class SlowApp {}

    @Component
    @MQMessageListener(topic = "MC-Broadcast", consumerGroup = "mc-broadcast", messageModel = MessageModel.BROADCASTING)
    static class Broadcast extends RecordingListener<String> {}

    @Component
    @MQMessageListener(topic = "MC-Cluster", consumerGroup = "mc-cluster")
    static class Cluster extends RecordingListener<String> {}

    /** Takes 200 ms per message on two threads, so a close finds messages taken in but not consumed. */
    @Component
    @MQMessageListener(topic = "MC-Slow", consumerGroup = "mc-slow", consumeThreadNumber = 2)
    static class Slow implements MQListener<String> {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String message) {
            received.add(message);
            try {
                Thread.sleep(200); // the listener's work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @DynamicPropertySource
    static void offsetStore(DynamicPropertyRegistry registry) {
        registry.add("courier.consumer.offset-store-dir", OFFSETS::toString);
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    Broadcast broadcast;

    @Autowired
    Cluster clustered;

    @AfterAll
    static void closeSecondApplication() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void aBroadcastingGroupDeliversEveryMessageToEachApplication() {
        ConfigurableApplicationContext other = secondApplication();
        MQListenerEndpointRegistry otherRegistry = other.getBean(MQListenerEndpointRegistry.class);
        // a broadcasting consumer starts at the end of each queue it takes: send once both have all four
        await().atMost(WAIT)
                .until(() -> queuesOf(registry, "mc-broadcast", "MC-Broadcast").size() == 4
                        && queuesOf(otherRegistry, "mc-broadcast", "MC-Broadcast")
                                        .size()
                                == 4);

        List<String> sent = send("MC-Broadcast", "b-", 20);

        Broadcast otherListener = other.getBean(Broadcast.class);
        await().atMost(WAIT)
                .until(() -> broadcast.received.size() >= sent.size() && otherListener.received.size() >= sent.size());
        assertThat(broadcast.received).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(otherListener.received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aClusteringGroupSplitsMessagesBetweenApplicationsWithoutDuplicates() {
        ConfigurableApplicationContext other = secondApplication();
        MQListenerEndpointRegistry otherRegistry = other.getBean(MQListenerEndpointRegistry.class);
        await().atMost(WAIT).until(() -> {
            Set<MessageQueue> mine = queuesOf(registry, "mc-cluster", "MC-Cluster");
            Set<MessageQueue> theirs = queuesOf(otherRegistry, "mc-cluster", "MC-Cluster");
            Set<MessageQueue> all = new HashSet<>(mine);
            all.addAll(theirs);
            return !mine.isEmpty() && !theirs.isEmpty() && all.size() == 4 && mine.size() + theirs.size() == 4;
        });

        List<String> sent = send("MC-Cluster", "c-", 40);

        Cluster otherListener = other.getBean(Cluster.class);
        await().atMost(WAIT).until(() -> clustered.received.size() + otherListener.received.size() >= sent.size());
        List<String> both = new ArrayList<>(clustered.received);
        both.addAll(otherListener.received);
        assertThat(both).as("messages of both applications").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(clustered.received).isNotEmpty();
        assertThat(otherListener.received).isNotEmpty();
    }

    @Test
    void closingAnApplicationWithMessagesInFlightLosesNone() {
        Split split = closeWithMessagesInFlightThenStartASuccessor();

        // the close waits for the calls of what the application had taken in and commits them all, so its
        // successor repeats none
        assertThat(split.duplicates()).as(split.describe()).isZero();
    }

    @Test
    void aCloseThatTimesOutLeavesTheUnfinishedMessagesToTheSuccessor() {
        Split split = closeWithMessagesInFlightThenStartASuccessor("courier.consumer.shutdown-timeout=300ms");

        // what the closed application had not finished was not committed: its successor gets it again
        assertThat(split.second()).as(split.describe()).isNotEmpty();
    }

    /** Who consumed what of {@code sent}; {@code atClose} is what the first had consumed when it was closed. */
    record Split(List<String> sent, List<String> first, int atClose, List<String> second) {
        int duplicates() {
            return first.size() + second.size() - sent.size();
        }

        String describe() {
            return "the first application consumed " + first.size() + " (" + atClose + " when closed), its"
                    + " successor " + second.size() + ", duplicates " + duplicates();
        }
    }

    /**
     * Sends 20 messages to a slow listener, closes its application after 3 and starts another with the
     * same group: every message must be consumed by one or the other (duplicates are allowed).
     */
    private Split closeWithMessagesInFlightThenStartASuccessor(String... firstProperties) {
        List<String> sent;
        List<String> first;
        int atClose;
        try (ConfigurableApplicationContext application = application(SlowApp.class, firstProperties)) {
            Slow slow = application.getBean(Slow.class);
            Assignments.awaitAll(application.getBean(MQListenerEndpointRegistry.class), cluster);
            sent = send("MC-Slow", "s-", 20);
            await().atMost(WAIT).until(() -> slow.received.size() >= 3);
            first = slow.received;
            atClose = first.size();
        }
        List<String> second;
        try (ConfigurableApplicationContext successor = application(SlowApp.class)) {
            Slow slow = successor.getBean(Slow.class);
            second = slow.received;
            await().atMost(WAIT).until(() -> union(first, second).containsAll(sent));
        }
        Split split = new Split(sent, List.copyOf(first), atClose, List.copyOf(second));
        assertThat(union(split.first(), split.second())).as(split.describe()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(split.first()).as(split.describe()).doesNotHaveDuplicates();
        assertThat(split.second()).as(split.describe()).doesNotHaveDuplicates();
        assertThat(split.atClose()).as(split.describe()).isLessThan(sent.size());
        return split;
    }

    private static Set<String> union(List<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private List<String> send(String topic, String prefix, int count) {
        List<String> sent = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        sent.forEach(payload -> template.syncSend(topic, payload));
        return sent;
    }

    private ConfigurableApplicationContext secondApplication() {
        if (second == null) {
            second = application(App.class);
        }
        return second;
    }

    private ConfigurableApplicationContext application(Class<?> configuration, String... properties) {
        return new SpringApplicationBuilder(configuration)
                .properties(
                        "courier.name-server=" + cluster.nameServerAddress(),
                        "courier.consumer.offset-store-dir=" + OFFSETS,
                        "server.port=0",
                        "spring.main.banner-mode=off")
                .properties(properties)
                .registerShutdownHook(false)
                .run();
    }

    /** The queues of {@code topic} the group's container of this application consumes now. */
    private static Set<MessageQueue> queuesOf(MQListenerEndpointRegistry registry, String group, String topic) {
        Set<MessageQueue> queues = new HashSet<>();
        registry.getListenerContainer(group).lag().keySet().stream()
                .filter(queue -> queue.topic().equals(topic))
                .forEach(queues::add);
        return queues;
    }

    /**
     * A fresh directory for the broadcasting offset files (a stale file would move the start offsets),
     * under the build directory: the test's own context writes it once more when it closes, after the
     * class's last callback, so the test cannot delete it itself.
     */
    private static Path temporaryDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "listener-offsets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
