package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A message waiting for its delay level survives a broker restart (stop, start over the same store). */
class DelayRestartIT {

    /** Level 4 (30 s): room for a stop on a loaded machine before the message is due. */
    private static final int LEVEL = 4;

    private static final int LEVEL_DELAY_MS = 30_000;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void aPendingDelayedMessageIsDeliveredOnceAfterARestart() throws Exception {
        String topic = Clients.unique("CompatDelayRestart");
        cluster.admin().createTopic(cluster.broker(), topic, 2, Duration.ofSeconds(30));
        Message message = ProducerSendModesIT.message(topic, "TagA", "delay-restart", 0);
        message.setDelayTimeLevel(LEVEL);
        long sentAt;
        try (Clients clients = new Clients(cluster)) {
            sentAt = System.currentTimeMillis();
            SendResult result = clients.producer().send(message);
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }

        cluster.broker().stop();
        long stoppedAt = System.currentTimeMillis();
        assertThat(stoppedAt - sentAt)
                .as("stopped while the message was still waiting")
                .isLessThan(LEVEL_DELAY_MS);
        cluster.restartBroker(cluster.broker());

        try (Clients clients = new Clients(cluster)) {
            Map<String, Integer> deliveries = new ConcurrentHashMap<>();
            Map<String, Long> firstArrival = new ConcurrentHashMap<>();
            Map<String, Long> storedAt = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("compat-delay-restart"));
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> {
                    deliveries.merge(m.getKeys(), 1, Integer::sum);
                    firstArrival.putIfAbsent(m.getKeys(), System.currentTimeMillis());
                    storedAt.putIfAbsent(m.getKeys(), m.getStoreTimestamp());
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            await("the delayed message after the restart")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> deliveries.containsKey(message.getKeys()));
            await("delivered once")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> deliveries.get(message.getKeys()) == 1);
            assertThat(firstArrival.get(message.getKeys()) - sentAt)
                    .as("not before its level's delay")
                    .isGreaterThanOrEqualTo(LEVEL_DELAY_MS - 500L);
            assertThat(storedAt.get(message.getKeys()))
                    .as("delivered by the restarted broker")
                    .isGreaterThanOrEqualTo(stoppedAt);
        }
    }
}
