package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.test.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Method listeners: one bean with several annotated methods, each resolved through spring-messaging's
 * argument resolution. The four single-message methods share one consumer group on four topics, so the
 * container must route each message to its topic's method; the batch method has a group of its own.
 */
@SpringBootTest(classes = MethodListenersIT.App.class)
@EmbeddedMQ(topics = {"ML-Payload:2", "ML-Headers:2", "ML-Message:2", "ML-Received:2", "ML-Batch:2"})
@DirtiesContext
class MethodListenersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {}

    record Tagged(MyRecord record, String tags) {}

    @Component
    static class Listeners {
        final List<Tagged> payloads = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        final List<Message<MyRecord>> messages = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        final List<List<MyRecord>> batches = new CopyOnWriteArrayList<>();

        @MQMessageListener(topic = "ML-Payload", consumerGroup = "ml-single")
        void onPayload(@Payload MyRecord record, @Header(MQHeaders.TAGS) String tags) {
            payloads.add(new Tagged(record, tags));
        }

        @MQMessageListener(topic = "ML-Headers", consumerGroup = "ml-single")
        void onHeaders(@Headers Map<String, Object> all) {
            headers.add(Map.copyOf(all));
        }

        @MQMessageListener(topic = "ML-Message", consumerGroup = "ml-single")
        void onMessage(Message<MyRecord> message) {
            messages.add(message);
        }

        @MQMessageListener(topic = "ML-Received", consumerGroup = "ml-single")
        void onReceived(ReceivedMessage message) {
            received.add(message);
        }

        @MQMessageListener(topic = "ML-Batch", consumerGroup = "ml-batch", batchSize = 8)
        void onBatch(List<MyRecord> batch) {
            batches.add(List.copyOf(batch));
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    Listeners listeners;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void payloadAndHeaderParametersAreResolved() {
        template.syncSend("ML-Payload:blue", new MyRecord("p-1", 1));

        await().atMost(WAIT).until(() -> !listeners.payloads.isEmpty());
        assertThat(listeners.payloads).containsExactly(new Tagged(new MyRecord("p-1", 1), "blue"));
    }

    @Test
    void aHeadersMapHasTheBrokerAttributesAndUserProperties() {
        var sent = template.syncSend(
                "ML-Headers:green",
                MessageBuilder.withPayload("h").setHeader("region", "eu").build());

        await().atMost(WAIT).until(() -> !listeners.headers.isEmpty());
        assertThat(listeners.headers.get(0))
                .containsEntry(MQHeaders.TOPIC, "ML-Headers")
                .containsEntry(MQHeaders.TAGS, "green")
                .containsEntry(MQHeaders.MESSAGE_ID, sent.messageId())
                .containsEntry(MQHeaders.QUEUE_ID, sent.queue().queueId())
                .containsEntry(MQHeaders.QUEUE_OFFSET, sent.queueOffset())
                .containsEntry(MQHeaders.RECONSUME_TIMES, 0)
                .containsEntry("region", "eu");
    }

    @Test
    void aMessageParameterHasTheConvertedPayloadAndHeaders() {
        var sent = template.syncSend(
                "ML-Message:red",
                MessageBuilder.withPayload(new MyRecord("m-1", 2))
                        .setHeader(MQHeaders.KEYS, "order-9")
                        .build());

        await().atMost(WAIT).until(() -> !listeners.messages.isEmpty());
        Message<MyRecord> message = listeners.messages.get(0);
        assertThat(message.getPayload()).isEqualTo(new MyRecord("m-1", 2));
        assertThat(message.getHeaders())
                .containsEntry(MQHeaders.MESSAGE_ID, sent.messageId())
                .containsEntry(MQHeaders.TAGS, "red")
                .containsEntry(MQHeaders.KEYS, "order-9");
    }

    @Test
    void aReceivedMessageParameterIsTheClientMessage() {
        var sent = template.syncSend("ML-Received", "as received");

        await().atMost(WAIT).until(() -> !listeners.received.isEmpty());
        ReceivedMessage message = listeners.received.get(0);
        assertThat(message.messageId()).isEqualTo(sent.messageId());
        assertThat(message.topic()).isEqualTo("ML-Received");
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("as received");
    }

    @Test
    void aBatchMethodGetsAllMessagesInCallsOfAtMostTheBatchSize() {
        List<Message<MyRecord>> sent = IntStream.range(0, 30)
                .mapToObj(i ->
                        MessageBuilder.withPayload(new MyRecord("b-" + i, i)).build())
                .toList();
        // one batch send stores the 30 together in one queue, so a pull finds more than one waiting
        template.syncSend("ML-Batch", sent);

        await().atMost(WAIT).until(() -> flatten(listeners.batches).size() >= 30);
        assertThat(flatten(listeners.batches))
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(Message::getPayload).toList());
        assertThat(listeners.batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 8));
        assertThat(listeners.batches)
                .as("calls with more than one message, of %s", listeners.batches)
                .anySatisfy(batch -> assertThat(batch).hasSizeGreaterThan(1));
    }

    private static List<MyRecord> flatten(List<List<MyRecord>> batches) {
        List<MyRecord> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }
}
