package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/** A concurrent listener that records every delivery by message key, and the checks made on them. */
final class Received implements MessageListenerConcurrently {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, List<MessageExt>> byKey = new ConcurrentHashMap<>();
    private final List<MessageExt> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        record(messages);
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    void record(List<MessageExt> messages) {
        for (MessageExt message : messages) {
            byKey.computeIfAbsent(String.valueOf(message.getKeys()), key -> new CopyOnWriteArrayList<>())
                    .add(message);
            all.add(message);
            deliveries.incrementAndGet();
        }
    }

    int deliveries() {
        return deliveries.get();
    }

    List<MessageExt> all() {
        return List.copyOf(all);
    }

    List<MessageExt> deliveriesOf(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    boolean hasAll(Collection<String> keys) {
        return byKey.keySet().containsAll(keys);
    }

    /** Waits until every key arrived, then watches a second for deliveries beyond {@code keys.size()}. */
    void awaitExactly(Collection<String> keys) {
        await("all " + keys.size() + " messages consumed")
                .atMost(DELIVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> hasAll(keys));
        await("no delivery beyond the " + keys.size() + " expected")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> deliveries.get() == keys.size());
        assertThat(byKey).containsOnlyKeys(keys);
    }

    /** Each sent message was delivered once, with its topic, body, tags, flag and user properties. */
    void assertEachOnceAndIntact(Map<String, Message> sentByKey) {
        awaitExactly(sentByKey.keySet());
        sentByKey.forEach((key, sent) -> assertThat(deliveriesOf(key))
                .as("deliveries of %s", key)
                .singleElement()
                .satisfies(received -> assertIntact(sent, received)));
    }

    static void assertIntact(Message sent, MessageExt received) {
        assertThat(received.getTopic()).isEqualTo(sent.getTopic());
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(new String(sent.getBody(), StandardCharsets.UTF_8));
        assertThat(received.getTags()).isEqualTo(sent.getTags());
        assertThat(received.getKeys()).isEqualTo(sent.getKeys());
        assertThat(received.getFlag()).isEqualTo(sent.getFlag());
        sent.getProperties().forEach((name, value) -> {
            if (name.startsWith("compat.")) {
                assertThat(received.getUserProperty(name))
                        .as("user property %s of %s", name, sent.getKeys())
                        .isEqualTo(value);
            }
        });
    }
}
