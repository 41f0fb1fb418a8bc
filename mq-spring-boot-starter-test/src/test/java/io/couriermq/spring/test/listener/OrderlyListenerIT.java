package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.annotation.ConsumeMode;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/** An ORDERLY listener sees the messages of each hash key in the order they were sent. */
@SpringBootTest(classes = OrderlyListenerIT.App.class)
@EmbeddedMQ(topics = "OL-Orders:4")
@DirtiesContext
class OrderlyListenerIT {
    private static final List<String> KEYS = List.of("alpha", "beta", "gamma");
    private static final int PER_KEY = 20;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OrderlyListener.class)
    static class App {}

    /** Records "key:n" payloads per key, in the order the listener is called. */
    @Component
    @MQMessageListener(topic = "OL-Orders", consumerGroup = "ol-orderly", consumeMode = ConsumeMode.ORDERLY)
    static class OrderlyListener implements MQListener<String> {
        final Map<String, List<Integer>> byKey = new ConcurrentHashMap<>();

        @Override
        public void onMessage(String message) {
            String[] parts = message.split(":");
            byKey.computeIfAbsent(parts[0], key -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    OrderlyListener listener;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void eachKeysMessagesArriveInSendOrder() {
        for (int n = 0; n < PER_KEY; n++) {
            for (String key : KEYS) {
                template.syncSendOrderly("OL-Orders", key + ":" + n, key);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> KEYS.stream()
                .allMatch(key -> listener.byKey.getOrDefault(key, List.of()).size() >= PER_KEY));
        List<Integer> expected = IntStream.range(0, PER_KEY).boxed().toList();
        for (String key : KEYS) {
            assertThat(listener.byKey.get(key)).as("messages of key %s", key).containsExactlyElementsOf(expected);
        }
    }
}
