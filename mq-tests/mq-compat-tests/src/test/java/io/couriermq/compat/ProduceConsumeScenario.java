package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The official DefaultMQProducer sends messages, the official DefaultMQPushConsumer receives them.
 * Both clients know only the NameServer's address, so every broker address they use came from it.
 */
final class ProduceConsumeScenario {

    static final int MESSAGE_COUNT = 100;
    private static final int QUEUES = 4;
    private static final String TAG = "compat";

    private ProduceConsumeScenario() {}

    static void sendAndReceiveEachMessageOnce(CompatCluster cluster) throws Exception {
        Broker broker = cluster.broker();
        String topic = "CompatTopic-" + UUID.randomUUID().toString().substring(0, 8);
        cluster.admin().createTopic(broker, topic, QUEUES, Duration.ofSeconds(30));

        Map<String, List<MessageExt>> receivedByKey = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        DefaultMQPushConsumer consumer = consumer(cluster.nameServerAddress(), topic, (messages, context) -> {
            for (MessageExt message : messages) {
                receivedByKey
                        .computeIfAbsent(message.getKeys(), key -> new CopyOnWriteArrayList<>())
                        .add(message);
                deliveries.incrementAndGet();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = producer(cluster.nameServerAddress());
        try {
            Map<String, String> sentBodyByKey = sendAll(producer, topic, broker);

            await("all " + MESSAGE_COUNT + " messages consumed")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> receivedByKey.keySet().containsAll(sentBodyByKey.keySet()));
            // At-least-once delivery allows duplicates; this proof wants none. Watch for a second.
            await("no redelivery")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> deliveries.get() == MESSAGE_COUNT);

            assertThat(receivedByKey).hasSize(MESSAGE_COUNT);
            sentBodyByKey.forEach((key, body) -> assertThat(receivedByKey.get(key))
                    .as("deliveries of %s", key)
                    .singleElement()
                    .satisfies(message -> {
                        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                                .isEqualTo(body);
                        assertThat(message.getTopic()).isEqualTo(topic);
                        assertThat(message.getTags()).isEqualTo(TAG);
                        assertThat(message.getBrokerName()).isEqualTo(broker.brokerName());
                    }));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    /**
     * A producer sending to a topic nobody created: the NameServer answers TOPIC_NOT_EXIST, the
     * producer falls back to the route of TBW102, the broker creates the topic on the first message
     * and registers it, after which the NameServer serves its route.
     */
    static void sendToAnAutoCreatedTopic(CompatCluster cluster) throws Exception {
        String topic = "CompatAutoTopic-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(cluster.admin().route(topic)).isEmpty();
        DefaultMQProducer producer = producer(cluster.nameServerAddress());
        try {
            SendResult result =
                    producer.send(new Message(topic, TAG, "auto-key", "auto".getBytes(StandardCharsets.UTF_8)));

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMessageQueue().getBrokerName())
                    .isEqualTo(cluster.broker().brokerName());
        } finally {
            producer.shutdown();
        }
        await("route of auto-created " + topic)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.admin().route(topic).isPresent());
    }

    private static Map<String, String> sendAll(DefaultMQProducer producer, String topic, Broker broker)
            throws Exception {
        Map<String, String> sentBodyByKey = new LinkedHashMap<>();
        for (int i = 0; i < MESSAGE_COUNT; i++) {
            String key = "key-" + i;
            String body = "message " + i + " " + UUID.randomUUID();
            SendResult result = producer.send(new Message(topic, TAG, key, body.getBytes(StandardCharsets.UTF_8)));
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMessageQueue().getBrokerName()).isEqualTo(broker.brokerName());
            sentBodyByKey.put(key, body);
        }
        return sentBodyByKey;
    }

    private static DefaultMQProducer producer(String nameServerAddress) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("compat-producer-" + UUID.randomUUID());
        producer.setNamesrvAddr(nameServerAddress);
        producer.setVipChannelEnabled(false);
        producer.setInstanceName("compat-producer-" + UUID.randomUUID());
        producer.start();
        return producer;
    }

    private static DefaultMQPushConsumer consumer(
            String nameServerAddress, String topic, MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("compat-consumer-" + UUID.randomUUID());
        consumer.setNamesrvAddr(nameServerAddress);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName("compat-consumer-" + UUID.randomUUID());
        // A new group starts at the first offset, so messages sent before the first rebalance count too.
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, TAG);
        consumer.registerMessageListener(listener);
        consumer.start();
        return consumer;
    }
}
