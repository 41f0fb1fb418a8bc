package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Broker;
import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DefaultMQPushConsumer: clustering (queues shared, each message once), broadcasting, and orderly. */
class PushConsumerIT {

    private static final int QUEUES = 4;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void clusteringConsumersShareTheQueuesAndEachMessageIsConsumedOnce() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-clustering");
        try (Clients clients = new Clients(cluster)) {
            Received first = new Received();
            Received second = new Received();
            DefaultMQPushConsumer one = start(clients.pushConsumer(group), topic, first);
            DefaultMQPushConsumer two = start(clients.pushConsumer(group), topic, second);

            // Both know each other (GET_CONSUMER_LIST_BY_GROUP) and split the 4 queues 2 + 2.
            await("queues split between the two consumers")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> assigned(one, topic).size() == QUEUES / 2
                            && assigned(two, topic).size() == QUEUES / 2
                            && union(assigned(one, topic), assigned(two, topic)).size() == QUEUES);
            Set<Integer> queuesOfOne = queueIds(assigned(one, topic));

            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            for (int i = 0; i < 40; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "clustering", i);
                producer.send(message);
                sent.put(message.getKeys(), message);
            }

            Received both = new Received();
            await("all messages consumed by the two")
                    .atMost(Received.DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> first.deliveries() + second.deliveries() >= sent.size());
            await("no more deliveries")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> first.deliveries() + second.deliveries() == sent.size());
            both.record(first.all());
            both.record(second.all());
            both.assertEachOnceAndIntact(sent);
            assertThat(first.all()).isNotEmpty();
            assertThat(second.all()).isNotEmpty();
            assertThat(first.all()).extracting(MessageExt::getQueueId).allMatch(queuesOfOne::contains);
            assertThat(second.all()).extracting(MessageExt::getQueueId).noneMatch(queuesOfOne::contains);
        }
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-broadcasting");
        try (Clients clients = new Clients(cluster)) {
            Received first = new Received();
            Received second = new Received();
            for (Received received : List.of(first, second)) {
                DefaultMQPushConsumer consumer = clients.pushConsumer(group);
                consumer.setMessageModel(MessageModel.BROADCASTING);
                start(consumer, topic, received);
            }

            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "broadcasting", i);
                producer.send(message);
                sent.put(message.getKeys(), message);
            }

            first.assertEachOnceAndIntact(sent);
            second.assertEachOnceAndIntact(sent);
        }
    }

    @Test
    void orderlyConsumerSeesEachOrdersMessagesInSendOrder() throws Exception {
        String topic = newTopic();
        int orders = 4;
        int steps = 15;
        try (Clients clients = new Clients(cluster)) {
            Map<Integer, List<Integer>> stepsByOrder = new ConcurrentHashMap<>();
            List<String> consumedKeys = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("compat-orderly"));
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
                for (MessageExt message : messages) {
                    int order = Integer.parseInt(message.getUserProperty("compat.order"));
                    stepsByOrder
                            .computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(message.getUserProperty("compat.seq")));
                    consumedKeys.add(message.getKeys());
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
            consumer.start();

            DefaultMQProducer producer = clients.producer();
            MessageQueueSelector byOrder = (queues, message, order) -> queues.get((Integer) order % queues.size());
            for (int step = 0; step < steps; step++) {
                for (int order = 0; order < orders; order++) {
                    Message message = ProducerSendModesIT.message(topic, "TagA", "orderly", step);
                    message.putUserProperty("compat.order", Integer.toString(order));
                    producer.send(message, byOrder, order);
                }
            }

            await("all ordered messages consumed")
                    .atMost(Received.DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> consumedKeys.size() >= orders * steps);
            List<Integer> expected =
                    java.util.stream.IntStream.range(0, steps).boxed().toList();
            assertThat(stepsByOrder).hasSize(orders);
            stepsByOrder.forEach((order, seen) ->
                    assertThat(seen).as("steps of order %s", order).containsExactlyElementsOf(expected));
            assertThat(new HashSet<>(consumedKeys)).hasSize(orders * steps);
        }
    }

    private static DefaultMQPushConsumer start(DefaultMQPushConsumer consumer, String topic, Received received)
            throws Exception {
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received);
        consumer.start();
        return consumer;
    }

    /** The queues of {@code topic} this consumer currently pulls (its rebalance result). */
    static Set<MessageQueue> assigned(DefaultMQPushConsumer consumer, String topic) {
        return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().equals(topic)
                        && !entry.getValue().isDropped())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Set<MessageQueue> union(Set<MessageQueue> a, Set<MessageQueue> b) {
        Set<MessageQueue> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<Integer> queueIds(Set<MessageQueue> queues) {
        return queues.stream().map(MessageQueue::getQueueId).collect(Collectors.toSet());
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatPushTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
