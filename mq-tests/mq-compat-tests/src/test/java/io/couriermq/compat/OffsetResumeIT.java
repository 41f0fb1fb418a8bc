package io.couriermq.compat;

import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Committed offsets are where a consumer group resumes: after its consumer restarts, and after the
 * broker restarts (SIGTERM, then the same store and port). A consumer that shut down cleanly has
 * nothing in flight, so nothing it consumed may come again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffsetResumeIT {

    private static final int QUEUES = 4;
    private static final int BATCH = 20;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    @Order(1)
    void restartedConsumerResumesAfterTheLastCommittedOffset() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-resume-consumer");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> first = send(producer, topic, "before", BATCH);
            consumeAndShutDown(clients, group, topic, first);
            awaitCommitted(Clients.api(producer), topic, group, BATCH);

            Map<String, Message> second = send(producer, topic, "after", BATCH);

            startConsumer(clients, group, topic).assertEachOnceAndIntact(second);
        }
    }

    @Test
    @Order(2)
    void offsetsAndMessagesSurviveAGracefulBrokerRestart() throws Exception {
        String topic = newTopic();
        String group = Clients.unique("compat-resume-broker");
        Map<String, Message> pending;
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> consumed = send(producer, topic, "consumed", BATCH);
            consumeAndShutDown(clients, group, topic, consumed);
            pending = send(producer, topic, "pending", BATCH);
            awaitCommitted(Clients.api(producer), topic, group, BATCH);
        }

        cluster.restartBroker(cluster.broker());
        await("route of " + topic + " after the restart")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.admin().route(topic).isPresent());

        try (Clients clients = new Clients(cluster)) {
            Map<String, Message> expected = new LinkedHashMap<>(pending);
            expected.putAll(send(clients.producer(), topic, "after-restart", 10));

            startConsumer(clients, group, topic).assertEachOnceAndIntact(expected);
        }
    }

    private static void consumeAndShutDown(Clients clients, String group, String topic, Map<String, Message> sent)
            throws Exception {
        Received received = new Received();
        DefaultMQPushConsumer consumer = clients.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received);
        consumer.start();
        received.assertEachOnceAndIntact(sent);
        // A clean shutdown persists the consumed offsets (UPDATE_CONSUMER_OFFSET) and unregisters.
        consumer.shutdown();
    }

    private static Received startConsumer(Clients clients, String group, String topic) throws Exception {
        Received received = new Received();
        DefaultMQPushConsumer consumer = clients.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(received);
        consumer.start();
        return received;
    }

    private static Map<String, Message> send(DefaultMQProducer producer, String topic, String mode, int count)
            throws Exception {
        Map<String, Message> sent = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Message message = ProducerSendModesIT.message(topic, "TagA", mode, i);
            producer.send(message);
            sent.put(message.getKeys(), message);
        }
        return sent;
    }

    /**
     * The offsets of a consumer's shutdown travel oneway (UPDATE_CONSUMER_OFFSET), and the broker may
     * handle them after the UNREGISTER_CLIENT behind them: wait until it has them all.
     */
    private static void awaitCommitted(MQClientAPIImpl api, String topic, String group, long total) {
        await("offsets of " + group + " committed at the broker")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> committedTotal(api, topic, group) == total);
    }

    /** The sum over the topic's queues of the group's committed offsets (QUERY_CONSUMER_OFFSET). */
    private static long committedTotal(MQClientAPIImpl api, String topic, String group) throws Exception {
        long total = 0;
        for (int queueId = 0; queueId < QUEUES; queueId++) {
            QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
            header.setConsumerGroup(group);
            header.setTopic(topic);
            header.setQueueId(queueId);
            header.setSetZeroIfNotFound(false);
            try {
                total += api.queryConsumerOffset(cluster.broker().address(), header, 3_000);
            } catch (MQBrokerException e) {
                if (e.getResponseCode() != ResponseCode.QUERY_NOT_FOUND) {
                    throw e;
                }
            }
        }
        return total;
    }

    private static String newTopic() throws Exception {
        String topic = Clients.unique("CompatResumeTopic");
        cluster.admin().createTopic(cluster.broker(), topic, QUEUES, Duration.ofSeconds(30));
        return topic;
    }
}
