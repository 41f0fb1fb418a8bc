package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
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
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.filter.ExpressionType;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
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

    /**
     * What a push consumer relies on after each rebalance: it bumps the subscription's subVersion,
     * sends HEART_BEAT, then pulls with the new subVersion (subscription bit clear). The broker must
     * keep the newest subVersion it was sent, and answer SUBSCRIPTION_NOT_LATEST only to a pull
     * newer than that (remoting-protocol.md §6.3, §6.5 step 6).
     */
    @Test
    void pullWithTheSubVersionOfTheLatestHeartbeatIsServed() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-subversion");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producer.send(ProducerSendModesIT.message(topic, "TagA", "subversion", 0), (mqs, m, a) -> mqs.get(0), null);
            MQClientAPIImpl api = Clients.api(producer);
            String clientId = Clients.unique("compat-subversion-client");
            long first = System.currentTimeMillis() - 10_000;

            api.sendHeartbeat(cluster.broker().address(), heartbeat(clientId, group, topic, first), 3_000);
            api.sendHeartbeat(cluster.broker().address(), heartbeat(clientId, group, topic, first + 1_000), 3_000);

            PullResult result = api.pullMessage(
                    cluster.broker().address(), pull(group, topic, first + 1_000), 3_000, CommunicationMode.SYNC, null);
            assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
            MQBrokerException newer = catchThrowableOfType(
                    MQBrokerException.class,
                    () -> api.pullMessage(
                            cluster.broker().address(),
                            pull(group, topic, first + 2_000),
                            3_000,
                            CommunicationMode.SYNC,
                            null));
            assertThat(newer).as("a pull newer than every heartbeat").isNotNull();
            assertThat(newer.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_LATEST);
        }
    }

    private static HeartbeatData heartbeat(String clientId, String group, String topic, long subVersion) {
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(group);
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        Set<SubscriptionData> subscriptions = new HashSet<>();
        for (String subscribed : List.of(topic, MixAll.getRetryTopic(group))) {
            SubscriptionData subscription = new SubscriptionData(subscribed, SubscriptionData.SUB_ALL);
            subscription.setSubVersion(subVersion);
            subscriptions.add(subscription);
        }
        consumer.setSubscriptionDataSet(subscriptions);
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID(clientId);
        heartbeat.getConsumerDataSet().add(consumer);
        return heartbeat;
    }

    /** A push consumer's pull of queue 0 from offset 0: no suspend, subscription from the heartbeat. */
    private static PullMessageRequestHeader pull(String group, String topic, long subVersion) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(0);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(0);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubVersion(subVersion);
        header.setExpressionType(ExpressionType.TAG);
        return header;
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
