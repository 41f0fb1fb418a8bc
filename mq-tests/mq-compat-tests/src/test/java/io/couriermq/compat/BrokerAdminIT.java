package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DefaultMQAdminExt (what mqadmin uses) against our broker: topics, routes, consume stats, message queries. */
class BrokerAdminIT {

    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(15);

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void createTopicThroughTheDefaultTopicRouteThenSendToIt() throws Exception {
        String topic = Clients.unique("CompatAdminCreated");
        // mqadmin's createTopic: the route of the key topic names the brokers, each gets UPDATE_AND_CREATE_TOPIC.
        cluster.admin().raw().createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, 3, new HashMap<>());
        TopicRouteData route = await("route of " + topic)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.admin().route(topic), r -> r.isPresent())
                .orElseThrow();

        assertThat(route.getQueueDatas()).singleElement().satisfies(queues -> {
            assertThat(queues.getBrokerName()).isEqualTo(cluster.broker().brokerName());
            assertThat(queues.getWriteQueueNums()).isEqualTo(3);
            assertThat(queues.getReadQueueNums()).isEqualTo(3);
            assertThat(queues.getPerm()).isEqualTo(PermName.PERM_READ | PermName.PERM_WRITE);
        });
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            List<Integer> queueIds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SendResult result = producer.send(ProducerSendModesIT.message(topic, "TagA", "created", i));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                queueIds.add(result.getMessageQueue().getQueueId());
            }
            // the producer goes round the route's queues from a random start: the route has exactly 0, 1, 2
            int first = queueIds.get(0);
            assertThat(queueIds)
                    .containsExactly(IntStream.range(first, first + 6)
                            .map(i -> i % 3)
                            .boxed()
                            .toArray(Integer[]::new));
        }
        assertThat(cluster.admin().raw().examineTopicConfig(cluster.broker().address(), topic))
                .satisfies(config -> {
                    assertThat(config.getWriteQueueNums()).isEqualTo(3);
                    assertThat(config.getReadQueueNums()).isEqualTo(3);
                });
    }

    @Test
    void examineTopicRouteInfoShowsTheTopicOnTheBroker() throws Exception {
        AdminScenario.topicRouteShowsTheTopicOnTheBroker(cluster);
    }

    @Test
    void examineBrokerClusterInfoListsTheBroker() throws Exception {
        AdminScenario.clusterInfoShowsTheBroker(cluster);
    }

    @Test
    void examineConsumeStatsReportsTheLagOfTheGroup() throws Exception {
        String topic = newTopic(2);
        String group = Clients.unique("compat-lag");
        int total = 20;
        int consumed = 12;
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Map<String, Message> first = new LinkedHashMap<>();
            for (int i = 0; i < consumed; i++) {
                Message message = ProducerSendModesIT.message(topic, "TagA", "lag", i);
                producer.send(message);
                first.put(message.getKeys(), message);
            }
            Received received = new Received();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener(received);
            consumer.start();
            received.assertEachOnceAndIntact(first);
            consumer.shutdown();
            for (int i = consumed; i < total; i++) {
                producer.send(ProducerSendModesIT.message(topic, "TagA", "lag", i));
            }

            ConsumeStats stats = await("consume stats of " + group + " with every commit in")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(
                            () -> cluster.admin().raw().examineConsumeStats(group),
                            s -> sum(s, topic, true) == consumed);

            assertThat(sum(stats, topic, false))
                    .as("broker offsets of " + topic)
                    .isEqualTo(total);
            assertThat(sum(stats, topic, true))
                    .as("consumer offsets of " + topic)
                    .isEqualTo(consumed);
            assertThat(stats.computeTotalDiff()).as("lag").isEqualTo(total - consumed);
            assertThat(stats.getOffsetTable().keySet())
                    .filteredOn(mq -> mq.getTopic().equals(topic))
                    .extracting(MessageQueue::getQueueId)
                    .containsExactlyInAnyOrder(0, 1);
        }
    }

    @Test
    void queryMessageFindsAMessageByKey() throws Exception {
        String topic = newTopic(2);
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            for (int i = 0; i < 5; i++) {
                producer.send(ProducerSendModesIT.message(topic, "TagA", "noise", i));
            }
            Message wanted = ProducerSendModesIT.message(topic, "TagB", "wanted", 7);
            SendResult result = producer.send(wanted);

            QueryResult found = await("QUERY_MESSAGE by key " + wanted.getKeys())
                    .atMost(INDEX_TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(
                            () -> cluster.admin().raw().queryMessage(topic, wanted.getKeys(), 32, 0, Long.MAX_VALUE),
                            r -> !r.getMessageList().isEmpty());

            List<MessageExt> messages = found.getMessageList();
            assertThat(messages).singleElement().satisfies(message -> {
                Received.assertIntact(wanted, message);
                assertThat(message.getMsgId()).isEqualTo(result.getMsgId());
                assertThat(message.getQueueOffset()).isEqualTo(result.getQueueOffset());
            });
        }
    }

    @Test
    void viewMessageReadsAMessageByItsOffsetMsgId() throws Exception {
        String topic = newTopic(2);
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            Message sent = ProducerSendModesIT.message(topic, "TagA", "view", 3);
            SendResult result = producer.send(sent);

            // The offsetMsgId encodes the broker's address and the commit-log offset; the admin
            // connects to that address and sends VIEW_MESSAGE_BY_ID.
            MessageExt viewed = cluster.admin().raw().viewMessage(result.getOffsetMsgId());

            Received.assertIntact(sent, viewed);
            assertThat(viewed.getMsgId()).isEqualTo(result.getMsgId());
            assertThat(viewed.getQueueId()).isEqualTo(result.getMessageQueue().getQueueId());
            assertThat(viewed.getQueueOffset()).isEqualTo(result.getQueueOffset());
            assertThat(viewed.getStoreHost().toString())
                    .endsWith(cluster.broker().address());
        }
    }

    /** Sum of the consumer (or broker) offsets of {@code topic}'s queues in the stats. */
    private static long sum(ConsumeStats stats, String topic, boolean consumerOffsets) {
        return stats.getOffsetTable().entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().equals(topic))
                .map(Map.Entry::getValue)
                .mapToLong(consumerOffsets ? OffsetWrapper::getConsumerOffset : OffsetWrapper::getBrokerOffset)
                .sum();
    }

    private static String newTopic(int queues) throws Exception {
        String topic = Clients.unique("CompatAdminTopic");
        cluster.admin().createTopic(cluster.broker(), topic, queues, Duration.ofSeconds(30));
        return topic;
    }
}
