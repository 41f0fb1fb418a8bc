package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timed messages of the 5.x client (setDeliverTimeMs, setDelayTimeSec) against the selected broker: they
 * arrive at their time, not before, within a second, and a pending one survives a broker restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimerMessageIT {
    private static final Logger log = LoggerFactory.getLogger(TimerMessageIT.class);

    /** Our broker does not round; the official one rounds the due time down to a whole second. */
    private static final long EARLY_ALLOWANCE_MS =
            ServerKind.selected(Broker.KIND_PROPERTY) == ServerKind.OFFICIAL ? 1_000 : 50;

    private static final long LATE_BOUND_MS = 1_000;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    @Order(1)
    void aMessageWithADeliveryTimeArrivesAtThatTime() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Arrivals arrivals = consume(clients, topic);
            warmUp(producer, topic, arrivals);

            long dueMs = System.currentTimeMillis() + 3_000;
            Message timed = message(topic, "deliver-at");
            timed.setDeliverTimeMs(dueMs);
            SendResult sent = producer.send(timed);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            Arrival arrival = arrivals.await("deliver-at");
            log.info(
                    "setDeliverTimeMs: consumed {} ms after due, stored {} ms after due",
                    arrival.atMs() - dueMs,
                    arrival.message().getStoreTimestamp() - dueMs);
            assertThat(arrival.atMs()).isBetween(dueMs - EARLY_ALLOWANCE_MS, dueMs + LATE_BOUND_MS);
            assertThat(arrival.message().getTopic()).isEqualTo(topic);
            assertThat(arrival.message().getProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS))
                    .isEqualTo(Long.toString(dueMs));
            assertThat(arrival.message().getProperty(MessageConst.PROPERTY_REAL_TOPIC))
                    .isNull();
            assertThat(new String(arrival.message().getBody(), StandardCharsets.UTF_8))
                    .isEqualTo("body of deliver-at");
            assertThat(arrival.message().getMsgId()).isEqualTo(sent.getMsgId());
            arrivals.assertOnce("deliver-at");
        }
    }

    @Test
    @Order(2)
    void aMessageWithADelayInSecondsArrivesThatLongAfterTheSend() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Arrivals arrivals = consume(clients, topic);
            warmUp(producer, topic, arrivals);

            Message timed = message(topic, "delay-sec");
            timed.setDelayTimeSec(2);
            long beforeSendMs = System.currentTimeMillis();
            producer.send(timed);
            long afterSendMs = System.currentTimeMillis();

            Arrival arrival = arrivals.await("delay-sec");
            log.info("setDelayTimeSec(2): consumed {} ms after the send began", arrival.atMs() - beforeSendMs);
            assertThat(arrival.atMs())
                    .isBetween(beforeSendMs + 2_000 - EARLY_ALLOWANCE_MS, afterSendMs + 2_000 + LATE_BOUND_MS);
            arrivals.assertOnce("delay-sec");
        }
    }

    @Test
    @Order(3)
    void aDelayBeyondTheMaximumIsRefusedWithMessageIllegal() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            Message tooFar = message(topic, "too-far");
            tooFar.setDelayTimeSec(3 * 24 * 3600 + 60);

            assertThatThrownBy(() -> clients.producer().send(tooFar))
                    .isInstanceOfSatisfying(MQBrokerException.class, e -> assertThat(e.getResponseCode())
                            .isEqualTo(ResponseCode.MESSAGE_ILLEGAL))
                    .hasMessageContaining("max delay");
        }
    }

    @Test
    @Order(4)
    void aPendingTimedMessageSurvivesABrokerRestartAndIsDeliveredOnce() throws Exception {
        String topic = newTopic();
        long dueMs;
        try (Clients clients = new Clients(cluster)) {
            Message timed = message(topic, "across-restart");
            dueMs = System.currentTimeMillis() + 6_000;
            timed.setDeliverTimeMs(dueMs);
            clients.producer().send(timed);
        }

        cluster.restartBroker(cluster.broker());
        long restartedMs = System.currentTimeMillis();
        log.info("broker back {} ms after the message's due time", restartedMs - dueMs);

        try (Clients clients = new Clients(cluster)) {
            await("route of " + topic + " after the restart")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.admin().route(topic).isPresent());
            Arrivals arrivals = consume(clients, topic);
            Arrival arrival = arrivals.await("across-restart");
            assertThat(arrival.message().getStoreTimestamp()).isGreaterThanOrEqualTo(dueMs - EARLY_ALLOWANCE_MS);
            assertThat(arrival.message().getStoreTimestamp())
                    .isLessThanOrEqualTo(Math.max(dueMs, restartedMs) + LATE_BOUND_MS);
            arrivals.assertOnce("across-restart");
        }
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatTimerTopic");
        cluster.admin().createTopic(cluster.broker(), topic, 4, Duration.ofSeconds(30));
        return topic;
    }

    private static Message message(String topic, String key) {
        return new Message(topic, "TagA", key, ("body of " + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A consumer that is known to be pulling: a plain message sent after its start has arrived. */
    private static void warmUp(DefaultMQProducer producer, String topic, Arrivals arrivals) throws Exception {
        producer.send(message(topic, "warm-up"));
        arrivals.await("warm-up");
    }

    private static Arrivals consume(Clients clients, String topic) throws Exception {
        Arrivals arrivals = new Arrivals();
        DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("compat-timer"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long nowMs = System.currentTimeMillis();
            messages.forEach(message -> arrivals.all.add(new Arrival(message, nowMs)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return arrivals;
    }

    private record Arrival(MessageExt message, long atMs) {}

    private static final class Arrivals {
        final List<Arrival> all = new CopyOnWriteArrayList<>();

        Arrival await(String key) {
            return org.awaitility.Awaitility.await(key + " consumed")
                    .atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> first(key), arrival -> arrival != null);
        }

        void assertOnce(String key) {
            org.awaitility.Awaitility.await("no second delivery of " + key)
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> all.stream()
                                    .filter(a -> key.equals(a.message().getKeys()))
                                    .count()
                            == 1);
        }

        private Arrival first(String key) {
            return all.stream()
                    .filter(a -> key.equals(a.message().getKeys()))
                    .findFirst()
                    .orElse(null);
        }
    }
}
