package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DefaultMQProducer's five ways to send (sync, async, oneway, batch, selector-ordered), each checked
 * by consuming: bodies, keys, tags, flag and user properties arrive as sent.
 */
class ProducerSendModesIT {

    private static final int QUEUES = 4;
    private static final int COUNT = 20;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void syncSendKeepsBodyKeysTagsFlagAndPropertiesAndTagFilteringWorks() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> expected = new LinkedHashMap<>();
            Map<String, SendResult> results = new LinkedHashMap<>();
            for (int i = 0; i < COUNT; i++) {
                // TagC is filtered out by the subscription below (broker by hash, client by string).
                Message message = message(topic, "Tag" + "ABC".charAt(i % 3), "sync", i);
                SendResult result = producer.send(message);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(result.getMessageQueue().getBrokerName())
                        .isEqualTo(cluster.broker().brokerName());
                if (!"TagC".equals(message.getTags())) {
                    expected.put(message.getKeys(), message);
                    results.put(message.getKeys(), result);
                }
            }

            Received received = consume(clients, topic, "TagA || TagB");

            received.assertEachOnceAndIntact(expected);
            results.forEach((key, result) -> assertThat(received.deliveriesOf(key))
                    .singleElement()
                    .satisfies(message -> {
                        assertThat(message.getMsgId()).as("msgId = UNIQ_KEY").isEqualTo(result.getMsgId());
                        assertThat(message.getQueueId())
                                .isEqualTo(result.getMessageQueue().getQueueId());
                        assertThat(message.getQueueOffset()).isEqualTo(result.getQueueOffset());
                    }));
        }
    }

    @Test
    void asyncSendsAllSucceedAndArriveIntact() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            List<SendResult> results = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                Message message = message(topic, "TagA", "async", i);
                sent.put(message.getKeys(), message);
                producer.send(message, new SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        results.add(result);
                    }

                    @Override
                    public void onException(Throwable e) {
                        failures.add(e);
                    }
                });
            }
            await("async send callbacks")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> results.size() + failures.size() == COUNT);
            assertThat(failures).isEmpty();
            assertThat(results).extracting(SendResult::getSendStatus).containsOnly(SendStatus.SEND_OK);

            consume(clients, topic, "*").assertEachOnceAndIntact(sent);
        }
    }

    @Test
    void onewaySendsAllArriveIntact() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            for (int i = 0; i < COUNT; i++) {
                Message message = message(topic, "TagA", "oneway", i);
                sent.put(message.getKeys(), message);
                producer.sendOneway(message);
            }

            consume(clients, topic, "*").assertEachOnceAndIntact(sent);
        }
    }

    @Test
    void batchIsStoredAsConsecutiveMessagesEachWithItsOwnKeysTagsAndProperties() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(message(topic, i % 2 == 0 ? "TagA" : "TagB", "batch", i));
            }
            Map<String, Message> sent =
                    batch.stream().collect(Collectors.toMap(Message::getKeys, m -> m, (a, b) -> a, LinkedHashMap::new));

            SendResult result = producer.send(batch);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            List<String> uniqKeys = Arrays.asList(result.getMsgId().split(","));
            assertThat(uniqKeys).hasSize(batch.size());
            assertThat(result.getOffsetMsgId().split(",")).hasSize(batch.size());

            Received received = consume(clients, topic, "*");
            received.assertEachOnceAndIntact(sent);
            List<MessageExt> inOrder = received.all().stream()
                    .sorted(Comparator.comparingLong(MessageExt::getQueueOffset))
                    .toList();
            assertThat(inOrder)
                    .extracting(MessageExt::getQueueId)
                    .containsOnly(result.getMessageQueue().getQueueId());
            assertThat(inOrder)
                    .extracting(MessageExt::getQueueOffset)
                    .as("consecutive offsets from the response's queueOffset")
                    .containsExactlyElementsOf(offsets(result.getQueueOffset(), batch.size()));
            assertThat(inOrder).extracting(MessageExt::getKeys).containsExactlyElementsOf(sent.keySet());
            if (cluster.broker().kind() == ServerKind.COURIER) {
                // Apache RocketMQ <= 5.3.2 gives every message of a batch the batch's UNIQ_KEY
                // (apache/rocketmq#9416, remoting-protocol.md §4.7); ours keeps each message's own.
                assertThat(inOrder).extracting(MessageExt::getMsgId).containsExactlyElementsOf(uniqKeys);
            }
        }
    }

    @Test
    void selectorOrderedSendsLandOnTheChosenQueueInSendOrder() throws Exception {
        String topic = newTopic();
        MessageQueueSelector byOrderId = (queues, message, orderId) -> queues.get((Integer) orderId % queues.size());
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            Map<Integer, List<String>> keysByOrder = new ConcurrentHashMap<>();
            int orders = 3;
            for (int step = 0; step < 10; step++) {
                for (int order = 0; order < orders; order++) {
                    Message message = message(topic, "TagA", "order" + order, step);
                    SendResult result = producer.send(message, byOrderId, order);
                    assertThat(result.getMessageQueue().getQueueId()).isEqualTo(order % QUEUES);
                    sent.put(message.getKeys(), message);
                    keysByOrder
                            .computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                            .add(message.getKeys());
                }
            }

            Received received = consume(clients, topic, "*");
            received.assertEachOnceAndIntact(sent);
            keysByOrder.forEach((order, keys) -> assertThat(received.all().stream()
                            .filter(m -> m.getQueueId() == order % QUEUES)
                            .sorted(Comparator.comparingLong(MessageExt::getQueueOffset))
                            .map(MessageExt::getKeys)
                            .toList())
                    .as("queue %s in offset order", order % QUEUES)
                    .containsExactlyElementsOf(keys));
        }
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatSendTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }

    static Message message(String topic, String tag, String mode, int i) {
        String key = mode + "-" + i + "-" + Clients.unique("k");
        Message message =
                new Message(topic, tag, key, ("body of " + key + " \u00e9\u4e2d").getBytes(StandardCharsets.UTF_8));
        message.setFlag(i);
        message.putUserProperty("compat.mode", mode);
        message.putUserProperty("compat.seq", Integer.toString(i));
        return message;
    }

    private static Received consume(Clients clients, String topic, String expression) throws Exception {
        Received received = new Received();
        DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("compat-send-check"));
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener(received);
        consumer.start();
        return received;
    }

    private static List<Long> offsets(long first, int count) {
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(first + i);
        }
        return offsets;
    }
}
