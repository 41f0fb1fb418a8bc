package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.TopicOffset;
import org.apache.rocketmq.remoting.protocol.body.CMResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DefaultMQAdminExt calls the RocketMQ dashboard's pages make (cluster, topic, consumer, producer,
 * message and broker-config views, offset reset and "resend to consumer"), each decoded by the official
 * 5.2.0 classes and checked against what was done. Runs against Apache RocketMQ 5.2.0 with {@code
 * -Dcompat.broker=official -Dcompat.namesrv=official}.
 */
class DashboardAdminCallsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    @Test
    void everyDashboardViewDecodesWhatWasDone() throws Exception {
        DefaultMQAdminExt admin = cluster.admin().raw();
        String broker = cluster.broker().address();
        String topic = Clients.unique("Dashboard");
        String group = Clients.unique("dashboard-group");
        cluster.admin().createTopic(cluster.broker(), topic, 2, SETTLE);
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            SendResult first = null;
            for (int i = 0; i < 6; i++) {
                SendResult result = producer.send(
                        new Message(topic, "TagA", "dash-" + i, ("body " + i).getBytes(StandardCharsets.UTF_8)));
                first = first == null ? result : first;
            }
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                for (MessageExt m : messages) {
                    deliveries
                            .computeIfAbsent(m.getMsgId(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await("consumed").atMost(SETTLE).until(() -> deliveries.size() == 6);
            String clientId =
                    consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();

            // cluster page
            KVTable runtime = admin.fetchBrokerRuntimeStats(broker);
            assertThat(Long.parseLong(runtime.getTable().get("msgPutTotalTodayNow")))
                    .isGreaterThanOrEqualTo(6);
            // topic page: stats, route, consumers
            long maxOffsets = 0;
            for (TopicOffset offset :
                    admin.examineTopicStats(topic).getOffsetTable().values()) {
                maxOffsets += offset.getMaxOffset();
            }
            assertThat(maxOffsets).isEqualTo(6);
            assertThat(admin.examineTopicRouteInfo(topic).getQueueDatas()).hasSize(1);
            await("the group consumes the topic").atMost(SETTLE).until(() -> admin.queryTopicConsumeByWho(topic)
                    .getGroupList()
                    .contains(group));
            // consumer page: progress, connections, running info
            await("offsets committed")
                    .atMost(SETTLE)
                    .until(() -> admin.examineConsumeStats(group).computeTotalDiff() == 0);
            assertThat(admin.examineConsumerConnectionInfo(group).getConnectionSet())
                    .anySatisfy(
                            connection -> assertThat(connection.getClientId()).isEqualTo(clientId));
            ConsumerRunningInfo running = admin.getConsumerRunningInfo(group, clientId, false);
            assertThat(running.getSubscriptionSet())
                    .anySatisfy(s -> assertThat(s.getTopic()).isEqualTo(topic));
            assertThat(admin.examineSubscriptionGroupConfig(broker, group).getGroupName())
                    .isEqualTo(group);
            assertThat(admin.getAllSubscriptionGroup(broker, 5_000).getSubscriptionGroupTable())
                    .containsKey(group);
            // producer page
            assertThat(admin.examineProducerConnectionInfo(producer.getProducerGroup(), topic)
                            .getConnectionSet())
                    .isNotEmpty();
            // broker config page
            Properties config = admin.getBrokerConfig(broker);
            assertThat(config.getProperty("brokerName"))
                    .isEqualTo(cluster.broker().brokerName());
            // message page: by id, by key, resend to the consumer
            assertThat(admin.viewMessage(topic, first.getMsgId()).getKeys()).isEqualTo("dash-0");
            await("indexed")
                    .atMost(SETTLE)
                    .until(() -> admin.queryMessage(topic, "dash-1", 32, 0, Long.MAX_VALUE)
                                    .getMessageList()
                                    .size()
                            == 1);
            ConsumeMessageDirectlyResult direct =
                    admin.consumeMessageDirectly(group, clientId, topic, first.getMsgId());
            assertThat(direct.getConsumeResult()).isEqualTo(CMResult.CR_SUCCESS);
            // offset reset from the consumer page: everything is delivered again
            Map<MessageQueue, Long> reset = admin.resetOffsetByTimestamp(topic, group, 0, true);
            assertThat(reset.values().stream().mapToLong(Long::longValue).sum()).isZero();
            await("delivered again after the reset").atMost(SETTLE).until(() -> deliveries.values().stream()
                    .allMatch(n -> n.get() >= 2));
        }
    }
}
