package io.couriermq.spring.test.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Delayed sends (a delay level, seconds, milliseconds, an exact time): each arrives, and never early. "Not
 * early" is measured from a clock reading taken before the send, so it is strict; "arrives" gets a generous
 * bound, since a slow machine may only make a message late. A tolerance of {@value #TOLERANCE_MS} ms
 * allows for clock granularity, nothing more.
 */
@SpringBootTest(classes = TemplateDelayIT.App.class)
@EmbeddedMQ(topics = "TplDelay:2")
@DirtiesContext
class TemplateDelayIT {
    private static final long TOLERANCE_MS = 100;
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @SpringBootApplication
    @Import(Listener.class)
    static class App {}

    record Arrival(String body, long receivedAtMs, ReceivedMessage message) {}

    @Component
    static class Listener {
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

        @MQMessageListener(
                topic = "TplDelay",
                consumerGroup = "tpl-delay",
                consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
        void onMessage(ReceivedMessage message) {
            arrivals.add(new Arrival(
                    new String(message.body(), StandardCharsets.UTF_8), System.currentTimeMillis(), message));
        }
    }

    @Autowired
    MQTemplate template;

    @Autowired
    Listener listener;

    @Test
    void delayLevelOneArrivesAfterASecondWithItsHeaders() {
        Message<String> message = MessageBuilder.withPayload("level-1")
                .setHeader(MQHeaders.KEYS, "delayed-key")
                .setHeader("origin", "delay-test")
                .build();
        long sentAt = System.currentTimeMillis();

        SendResult result = template.syncSend("TplDelay:late", message, 5_000, 1);

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        Arrival arrival = awaitArrival("level-1");
        assertNotEarly(arrival, sentAt + 1_000);
        assertThat(arrival.message().keys()).containsExactly("delayed-key");
        assertThat(arrival.message().tags()).isEqualTo("late");
        assertThat(arrival.message().property("origin")).isEqualTo("delay-test");
        assertThat(arrival.message().messageId()).isEqualTo(result.messageId());
    }

    @Test
    void delayTimeSecondsArrivesAfterTheDelay() {
        long sentAt = System.currentTimeMillis();

        template.syncSendDelayTimeSeconds("TplDelay", "seconds-2", 2);

        assertNotEarly(awaitArrival("seconds-2"), sentAt + 2_000);
    }

    @Test
    void delayTimeMillisArrivesAfterTheDelay() {
        long sentAt = System.currentTimeMillis();

        template.syncSendDelayTimeMills("TplDelay", "millis-1500", 1_500);

        assertNotEarly(awaitArrival("millis-1500"), sentAt + 1_500);
    }

    @Test
    void deliverTimeArrivesAtThatTime() {
        long deliverAt = System.currentTimeMillis() + 2_000;

        template.syncSendDeliverTimeMills("TplDelay", "at-time", deliverAt);

        assertNotEarly(awaitArrival("at-time"), deliverAt);
    }

    private Arrival awaitArrival(String body) {
        await().atMost(ARRIVAL)
                .until(() -> listener.arrivals.stream().anyMatch(a -> a.body().equals(body)));
        List<Arrival> matching =
                listener.arrivals.stream().filter(a -> a.body().equals(body)).toList();
        assertThat(matching).as("delivered once").hasSize(1);
        return matching.get(0);
    }

    private static void assertNotEarly(Arrival arrival, long dueAtMs) {
        assertThat(arrival.receivedAtMs())
                .as("received %d ms before it was due", dueAtMs - arrival.receivedAtMs())
                .isGreaterThanOrEqualTo(dueAtMs - TOLERANCE_MS);
        // the broker stores the message in its topic when it is due
        assertThat(arrival.message().storeTimestampMs())
                .as(
                        "stored in its topic %d ms before it was due",
                        dueAtMs - arrival.message().storeTimestampMs())
                .isGreaterThanOrEqualTo(dueAtMs - TOLERANCE_MS);
    }
}
