package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.SendResult;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Payload conversion through the template: a record with java.time fields and a nested generic list is
 * sent as JSON and read back equal by an {@link MQListener} bean and by a method taking {@code
 * Message<T>}; the inherited {@code convertAndSend} variants deliver, with their headers.
 */
@SpringBootTest(classes = TemplateConversionIT.App.class)
@EmbeddedMQ(topics = {"TplConvPojo:2", "TplConvInherited:2"})
@DirtiesContext
class TemplateConversionIT {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    record Line(String sku, int quantity, List<String> notes) {}

    record Order(String id, Instant placedAt, LocalDate dueOn, List<Line> lines) {}

    @SpringBootApplication
    @Import({OrderListener.class, Listeners.class})
    static class App {}

    /** A bean listener: the payload type comes from its {@code MQListener<Order>} generics. */
    @Component
    @MQMessageListener(
            topic = "TplConvPojo",
            consumerGroup = "tpl-conv-bean",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class OrderListener extends RecordingListener<Order> {}

    @Component
    static class Listeners {
        final List<Message<Order>> asMessages = new CopyOnWriteArrayList<>();
        final List<ReceivedMessage> raw = new CopyOnWriteArrayList<>();
        final List<Message<Order>> inherited = new CopyOnWriteArrayList<>();

        @MQMessageListener(
                topic = "TplConvPojo",
                consumerGroup = "tpl-conv-message",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void asMessage(Message<Order> message) {
            asMessages.add(message);
        }

        @MQMessageListener(
                topic = "TplConvPojo",
                consumerGroup = "tpl-conv-raw",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void raw(ReceivedMessage message) {
            raw.add(message);
        }

        @MQMessageListener(
                topic = "TplConvInherited",
                consumerGroup = "tpl-conv-inherited",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void inherited(Message<Order> message) {
            inherited.add(message);
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    OrderListener orderListener;

    @Autowired
    Listeners listeners;

    @Test
    void aRecordWithTimesAndANestedGenericListIsReadBackEqual() {
        Order order = order("order-1");

        SendResult result = template.syncSend("TplConvPojo", order);

        awaitOne(orderListener.received, order::equals);
        Message<Order> message = awaitOne(listeners.asMessages, m -> result.messageId()
                .equals(m.getHeaders().get(MQHeaders.MESSAGE_ID)));
        assertThat(message.getPayload()).isEqualTo(order);
        assertThat(message.getPayload().lines().get(0)).isInstanceOf(Line.class);
        ReceivedMessage raw = awaitOne(listeners.raw, m -> m.messageId().equals(result.messageId()));
        String json = new String(raw.body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"id\":\"order-1\"").contains("\"sku\":\"sku-2\"");
    }

    @Test
    void inheritedConvertAndSendDelivers() {
        Order order = order("order-2");

        template.convertAndSend("TplConvInherited", order);

        Message<Order> received =
                awaitOne(listeners.inherited, m -> m.getPayload().equals(order));
        assertThat(received.getHeaders().get(MQHeaders.TOPIC)).isEqualTo("TplConvInherited");
    }

    @Test
    void inheritedConvertAndSendWithHeadersDeliversTheHeaders() {
        Order order = order("order-3");

        template.convertAndSend(
                "TplConvInherited:converted",
                order,
                Map.of("source", "billing", "priority", 7, MQHeaders.KEYS, "order-3"));

        Message<Order> received =
                awaitOne(listeners.inherited, m -> m.getPayload().equals(order));
        assertThat(received.getHeaders())
                .containsEntry("source", "billing")
                .containsEntry("priority", "7")
                .containsEntry(MQHeaders.KEYS, "order-3")
                .containsEntry(MQHeaders.TAGS, "converted");
    }

    private static Order order(String id) {
        return new Order(
                id,
                Instant.parse("2024-05-01T10:15:30.123456Z"),
                LocalDate.of(2024, 6, 30),
                List.of(new Line("sku-1", 2, List.of("gift", "fragile")), new Line("sku-2", 1, List.of())));
    }

    private static <T> T awaitOne(List<T> received, Predicate<T> which) {
        await().atMost(ARRIVAL).until(() -> received.stream().anyMatch(which));
        List<T> matching = received.stream().filter(which).toList();
        assertThat(matching).as("delivered once").hasSize(1);
        return matching.get(0);
    }
}
