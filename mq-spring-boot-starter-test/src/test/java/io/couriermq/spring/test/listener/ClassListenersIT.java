package io.couriermq.spring.test.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQReplyListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Class listeners: the payload type comes from the bean's {@code MQListener<T>} (or {@code
 * MQReplyListener<T, R>}) generics, so each kind of T must arrive converted, with the headers a {@code
 * Message<T>} promises.
 */
@SpringBootTest(classes = ClassListenersIT.App.class)
@EmbeddedMQ(topics = {"CL-String:2", "CL-Json:2", "CL-Received:2", "CL-Message:2", "CL-Reply:2"})
@DirtiesContext
class ClassListenersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({StringListener.class, JsonListener.class, RawListener.class, MessageListener.class, Replier.class})
    static class App {}

    @Component
    @MQMessageListener(topic = "CL-String", consumerGroup = "cl-string")
    static class StringListener extends RecordingListener<String> {}

    @Component
    @MQMessageListener(topic = "CL-Json", consumerGroup = "cl-json")
    static class JsonListener extends RecordingListener<MyRecord> {}

    @Component
    @MQMessageListener(topic = "CL-Received", consumerGroup = "cl-received")
    static class RawListener extends RecordingListener<ReceivedMessage> {}

    @Component
    @MQMessageListener(topic = "CL-Message", consumerGroup = "cl-message")
    static class MessageListener extends RecordingListener<Message<MyRecord>> {}

    @Component
    @MQMessageListener(topic = "CL-Reply", consumerGroup = "cl-reply")
    static class Replier implements MQReplyListener<String, String> {
        @Override
        public String onMessage(String request) {
            return "pong:" + request;
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    StringListener strings;

    @Autowired
    JsonListener json;

    @Autowired
    RawListener raw;

    @Autowired
    MessageListener messages;

    @BeforeEach
    void awaitQueuesTaken() {
        Assignments.awaitAll(registry, cluster);
    }

    @Test
    void aStringListenerGetsTheTextAsSent() {
        template.syncSend("CL-String", "héllo wörld");
        template.syncSend("CL-String:t1", "second");

        await().atMost(WAIT).until(() -> strings.received.size() >= 2);
        assertThat(strings.received).containsExactlyInAnyOrder("héllo wörld", "second");
    }

    @Test
    void aRecordListenerGetsTheJsonReadIntoTheRecord() {
        template.syncSend("CL-Json", new MyRecord("r-1", 7));

        await().atMost(WAIT).until(() -> !json.received.isEmpty());
        assertThat(json.received).containsExactly(new MyRecord("r-1", 7));
    }

    @Test
    void aReceivedMessageListenerGetsTheClientMessageWithItsAttributes() {
        Message<String> message = MessageBuilder.withPayload("raw body")
                .setHeader(MQHeaders.KEYS, "key-1")
                .setHeader("origin", "class-test")
                .build();
        template.syncSend("CL-Received:tagR", message);

        await().atMost(WAIT).until(() -> !raw.received.isEmpty());
        ReceivedMessage received = raw.received.get(0);
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("raw body");
        assertThat(received.topic()).isEqualTo("CL-Received");
        assertThat(received.tags()).isEqualTo("tagR");
        assertThat(received.keys()).containsExactly("key-1");
        assertThat(received.property("origin")).isEqualTo("class-test");
        assertThat(received.reconsumeTimes()).isZero();
    }

    @Test
    void aMessageListenerGetsThePayloadAndEveryHeader() {
        Message<MyRecord> message = MessageBuilder.withPayload(new MyRecord("m-1", 42))
                .setHeader(MQHeaders.KEYS, "k1 k2")
                .setHeader("origin", "class-test")
                .setHeader("attempt", 3)
                .build();
        var sent = template.syncSend("CL-Message:tagM", message);

        await().atMost(WAIT).until(() -> !messages.received.isEmpty());
        Message<MyRecord> received = messages.received.get(0);
        assertThat(received.getPayload()).isEqualTo(new MyRecord("m-1", 42));
        assertThat(received.getHeaders())
                .containsEntry(MQHeaders.MESSAGE_ID, sent.messageId())
                .containsEntry(MQHeaders.QUEUE_ID, sent.queue().queueId())
                .containsEntry(MQHeaders.RECONSUME_TIMES, 0)
                .containsEntry(MQHeaders.TAGS, "tagM")
                .containsEntry(MQHeaders.KEYS, "k1 k2")
                .containsEntry(MQHeaders.TOPIC, "CL-Message")
                .containsEntry("origin", "class-test")
                .containsEntry("attempt", "3");
    }

    @Test
    void aReplyListenerAnswersSendAndReceive() {
        String reply = template.sendAndReceive("CL-Reply", "ping", String.class, 10_000);

        assertThat(reply).isEqualTo("pong:ping");
    }
}
