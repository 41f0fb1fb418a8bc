package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DefaultLitePullConsumer: subscribe + poll (rebalanced), and assign + seek (no rebalance). */
class LitePullConsumerIT {

    private static final int QUEUES = 4;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void subscribedConsumerPollsEveryMessageOnce() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> sent = new LinkedHashMap<>();
            for (int i = 0; i < 30; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "lite-subscribe", i);
                producer.send(message);
                sent.put(message.getKeys(), message);
            }

            DefaultLitePullConsumer consumer = clients.litePullConsumer(Clients.unique("compat-lite-subscribe"));
            consumer.subscribe(topic, "TagA");
            consumer.start();
            Received received = new Received();
            pollUntil(consumer, received, () -> received.hasAll(sent.keySet()), Received.DELIVERY_TIMEOUT);
            // Anything delivered twice would show up within another second of polling.
            pollUntil(consumer, received, () -> false, Duration.ofSeconds(1));

            received.assertEachOnceAndIntact(sent);
        }
    }

    @Test
    void assignedConsumerSeeksToTheBeginningAndToAnOffset() throws Exception {
        String topic = newTopic();
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            List<String> keys = new ArrayList<>();
            MessageQueue queue = null;
            for (int i = 0; i < 10; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "lite-assign", i);
                SendResult result = producer.send(message, (queues, m, arg) -> queues.get(1), null);
                queue = result.getMessageQueue();
                keys.add(message.getKeys());
            }
            assertThat(queue.getQueueId()).isEqualTo(1);

            List<MessageExt> fromBegin = pollAssigned(clients, topic, queue, 10, consumer -> {
                consumer.seekToBegin(assignedQueue(consumer, topic, 1));
            });
            assertThat(fromBegin).extracting(MessageExt::getQueueOffset).containsExactlyElementsOf(offsets(0, 10));
            assertThat(fromBegin).extracting(MessageExt::getKeys).containsExactlyElementsOf(keys);

            List<MessageExt> fromFive = pollAssigned(clients, topic, queue, 5, consumer -> {
                consumer.seek(assignedQueue(consumer, topic, 1), 5);
            });
            assertThat(fromFive).extracting(MessageExt::getQueueOffset).containsExactlyElementsOf(offsets(5, 5));
            assertThat(fromFive).extracting(MessageExt::getKeys).containsExactlyElementsOf(keys.subList(5, 10));
        }
    }

    interface Seek {
        void apply(DefaultLitePullConsumer consumer) throws Exception;
    }

    /**
     * A fresh consumer (auto-commit off) assigned to {@code queue}, positioned by {@code seek} right after
     * the assignment, polling until {@code expected} messages.
     *
     * <p>The official client starts a pull task at {@code assign}, before {@code seek} runs, from the
     * group's committed offset; a new group would start at 0 (the queue still holds its first message)
     * and that pull can land after a seek to 0 and deliver everything twice. So the group starts with
     * its offset committed at the queue's end, where the early pull finds nothing.
     */
    private static List<MessageExt> pollAssigned(
            Clients clients, String topic, MessageQueue queue, int expected, Seek seek) throws Exception {
        String group = Clients.unique("compat-lite-assign");
        long end = cluster.admin().raw().maxOffset(queue);
        cluster.admin().raw().updateConsumeOffset(cluster.broker().address(), group, queue, end);
        DefaultLitePullConsumer consumer = clients.litePullConsumer(group);
        consumer.setAutoCommit(false);
        consumer.start();
        consumer.assign(List.of(assignedQueue(consumer, topic, queue.getQueueId())));
        seek.apply(consumer);
        Received received = new Received();
        pollUntil(consumer, received, () -> received.deliveries() >= expected, Received.DELIVERY_TIMEOUT);
        pollUntil(consumer, received, () -> false, Duration.ofMillis(500));
        assertThat(received.deliveries()).as("messages polled").isEqualTo(expected);
        return received.all();
    }

    private static MessageQueue assignedQueue(DefaultLitePullConsumer consumer, String topic, int queueId)
            throws Exception {
        return consumer.fetchMessageQueues(topic).stream()
                .filter(mq -> mq.getQueueId() == queueId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + queueId + " of " + topic + " in the route"));
    }

    /** Polls into {@code received} until {@code done} or the time is up (no failure: callers assert after). */
    static void pollUntil(
            DefaultLitePullConsumer consumer,
            Received received,
            java.util.function.BooleanSupplier done,
            Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            received.record(consumer.poll(200));
        }
    }

    private static List<Long> offsets(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatLiteTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
