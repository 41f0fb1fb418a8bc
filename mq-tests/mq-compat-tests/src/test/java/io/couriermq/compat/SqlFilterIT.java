package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL92 subscriptions ({@code MessageSelector.bySql}) with the official client against a broker with
 * {@code enablePropertyFilter=true}: the broker filters at pull time, so a consumer receives exactly
 * the matching messages, and an expression that does not compile stops the consumer's start.
 */
class SqlFilterIT {

    private static final int QUEUES = 4;
    private static final String A_BETWEEN_0_AND_3 = "a between 0 and 3";

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(
            Broker.Settings.defaults().withProperties(Map.of("enablePropertyFilter", "true")));

    @Test
    void pushConsumerReceivesExactlyTheMatchingMessages() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-sql-push");
        try (Clients clients = new Clients(cluster)) {
            sendAZeroToNine(clients.producer(), topic);
            Received received = new Received();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group);
            consumer.subscribe(topic, MessageSelector.bySql(A_BETWEEN_0_AND_3));
            consumer.registerMessageListener(received);
            consumer.start();

            await("a = 0..3 delivered")
                    .atMost(Received.DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> received.deliveries() >= 4);
            // Everything else has been examined (and filtered) once the group's offsets reach the end.
            await("the group's offsets at the end of every queue")
                    .atMost(Received.DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> allConsumed(group, topic));
            assertThat(received.all())
                    .extracting(message -> message.getUserProperty("a"))
                    .containsExactlyInAnyOrder("0", "1", "2", "3");
        }
    }

    @Test
    void litePullConsumerPollsExactlyTheMatchingMessages() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            sendAZeroToNine(clients.producer(), topic);
            DefaultLitePullConsumer consumer = clients.litePullConsumer(Clients.unique("compat-sql-lite"));
            consumer.subscribe(topic, MessageSelector.bySql(A_BETWEEN_0_AND_3));
            consumer.start();
            Received received = new Received();

            LitePullConsumerIT.pollUntil(
                    consumer, received, () -> received.deliveries() >= 4, Received.DELIVERY_TIMEOUT);
            // Each queue has been read to its end many times over by now; nothing else may come.
            LitePullConsumerIT.pollUntil(consumer, received, () -> false, Duration.ofSeconds(2));

            assertThat(received.all())
                    .extracting(message -> message.getUserProperty("a"))
                    .containsExactlyInAnyOrder("0", "1", "2", "3");
        }
    }

    @Test
    void anInvalidExpressionStopsTheConsumerFromStartingAndNamesTheProblem() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("compat-sql-bad"));
            consumer.subscribe(topic, MessageSelector.bySql("a > 3 and"));
            consumer.registerMessageListener(new Received());

            MQClientException refused = catchThrowableOfType(MQClientException.class, consumer::start);

            assertThat(refused).as("start() must fail").isNotNull();
            assertThat(refused.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            if (cluster.broker().kind() == ServerKind.COURIER) {
                assertThat(refused.getErrorMessage())
                        .contains("expected a property or a value but found the end of the expression at position 10");
            }
        }
    }

    /** Ten messages with user property a = 0..9, spread over the queues, plus one without it. */
    private static void sendAZeroToNine(DefaultMQProducer producer, String topic) throws Exception {
        for (int a = 0; a < 10; a++) {
            Message message = ProducerSendModesIT.message(topic, "TagA", "sql", a);
            message.putUserProperty("a", Integer.toString(a));
            producer.send(message);
        }
        producer.send(ProducerSendModesIT.message(topic, "TagA", "sql-no-a", 10));
    }

    private static boolean allConsumed(String group, String topic) throws Exception {
        ConsumeStats stats = cluster.admin().raw().examineConsumeStats(group);
        var queues = stats.getOffsetTable().entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().equals(topic))
                .toList();
        return queues.size() == QUEUES
                && queues.stream()
                        .allMatch(entry -> entry.getValue().getConsumerOffset()
                                == entry.getValue().getBrokerOffset());
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatSqlTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
