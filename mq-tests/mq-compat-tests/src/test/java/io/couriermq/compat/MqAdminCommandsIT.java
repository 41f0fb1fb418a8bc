package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.compat.harness.MqAdmin;
import io.couriermq.harness.process.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real mqadmin 5.2.0 commands an operator types ({@code MQAdminStartup}, in this JVM), against the
 * selected NameServer and broker: each command succeeds and what it prints matches what was done. With
 * {@code -Dcompat.broker=official -Dcompat.namesrv=official} the same expectations run against Apache
 * RocketMQ 5.2.0, which is how they were checked.
 */
class MqAdminCommandsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(Broker.Settings.defaults());

    private static MqAdmin mqadmin;

    @BeforeAll
    static void tool() {
        mqadmin = new MqAdmin(cluster.nameServerAddress());
    }

    private static String broker() {
        return cluster.broker().address();
    }

    private static String brokerName() {
        return cluster.broker().brokerName();
    }

    @Test
    void topicCommandsCreateShowChangeAndDeleteATopic() throws Exception {
        String topic = Clients.unique("AdminCliTopic");
        assertThat(mqadmin.run("updateTopic", "-b", broker(), "-t", topic, "-r", "4", "-w", "4")
                        .ok())
                .contains("success");
        await("route of " + topic)
                .atMost(SETTLE)
                .until(() -> mqadmin.run("topicRoute", "-t", topic).out().contains("\"readQueueNums\":4"));
        assertThat(mqadmin.run("topicList").ok()).contains(topic);
        assertThat(mqadmin.run("topicClusterList", "-t", topic).ok())
                .contains(cluster.broker().clusterName());

        try (Clients clients = new Clients(cluster)) {
            sendKeyed(clients.producer(), topic, 20);
        }
        long stored = 0;
        for (String[] row : mqadmin.run("topicStatus", "-t", topic).rows()) {
            if (row[0].equals(brokerName())) {
                stored += Long.parseLong(row[3]); // #Broker Name  #QID  #Min Offset  #Max Offset  #Last Updated
            }
        }
        assertThat(stored).isEqualTo(20);

        assertThat(mqadmin.run("updateTopicPerm", "-b", broker(), "-t", topic, "-p", "4")
                        .ok())
                .contains("success");
        await("read-only route")
                .atMost(SETTLE)
                .until(() -> mqadmin.run("topicRoute", "-t", topic).out().contains("\"perm\":4"));

        mqadmin.run("deleteTopic", "-t", topic, "-c", cluster.broker().clusterName())
                .ok();
        await("topic gone from the list")
                .atMost(SETTLE)
                .until(() -> !mqadmin.run("topicList").out().contains(topic));
    }

    @Test
    void brokerFiguresAreMeasured() throws Exception {
        String topic = createTopic("AdminCliFigures");
        String group = Clients.unique("admin-cli-figures");
        try (Clients clients = new Clients(cluster)) {
            AtomicInteger consumed = new AtomicInteger();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                consumed.addAndGet(messages.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            DefaultMQProducer producer = clients.producer();
            // several rounds, so the stats' samples (every 10 s on RocketMQ) see traffic between them
            await("a measured put and get TPS in statsAll")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        sendKeyed(producer, topic, 20);
                        String[] row =
                                mqadmin.run("statsAll", "-t", topic).row(topic).orElse(null);
                        // #Topic #Consumer Group #Accumulation #InTPS #OutTPS #InMsg24Hour #OutMsg24Hour
                        return row != null
                                && row.length >= 7
                                && row[1].equals(group)
                                && Double.parseDouble(row[3]) > 0
                                && Double.parseDouble(row[4]) > 0;
                    });
            await("consumed").atMost(SETTLE).until(() -> consumed.get() >= 20);

            String status = mqadmin.run("brokerStatus", "-b", broker()).ok();
            long todayNow = figure(status, "msgPutTotalTodayNow");
            long todayMorning = figure(status, "msgPutTotalTodayMorning");
            assertThat(todayNow - todayMorning).isGreaterThanOrEqualTo(20);
            assertThat(figure(status, "msgGetTotalTodayNow") - figure(status, "msgGetTotalTodayMorning"))
                    .isGreaterThanOrEqualTo(20);
            assertThat(status)
                    .containsPattern("sendThreadPoolQueueHeadWaitTimeMills\\s*:\\s*\\d+")
                    .containsPattern("pullThreadPoolQueueHeadWaitTimeMills\\s*:\\s*\\d+");

            String clusters = mqadmin.run("clusterList").ok();
            assertThat(clusters).contains(brokerName()).contains(broker());

            String progress = mqadmin.run("consumerProgress", "-g", group).ok();
            assertThat(progress).contains(topic).containsPattern("Consume TPS: \\d");
            assertThat(mqadmin.run("brokerConsumeStats", "-b", broker()).ok())
                    .contains(group)
                    .contains(topic);
        }
    }

    @Test
    void resetByTimeMakesAnOnlineConsumerConsumeAgain() throws Exception {
        String topic = createTopic("AdminCliReset");
        String group = Clients.unique("admin-cli-reset");
        try (Clients clients = new Clients(cluster)) {
            long beforeSends = System.currentTimeMillis() - 1_000;
            sendKeyed(clients.producer(), topic, 10);
            Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> deliveries
                        .computeIfAbsent(m.getKeys(), k -> new AtomicInteger())
                        .incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await("first delivery").atMost(SETTLE).until(() -> deliveries.size() == 10);
            await("offsets committed").atMost(SETTLE).until(() -> mqadmin.run("consumerProgress", "-g", group)
                    .out()
                    .contains("Diff Total: 0"));

            String reset = mqadmin.run("resetOffsetByTime", "-g", group, "-t", topic, "-s", Long.toString(beforeSends))
                    .ok();
            assertThat(reset).contains(brokerName());
            await("every message delivered again").atMost(SETTLE).until(() -> deliveries.values().stream()
                    .allMatch(n -> n.get() >= 2));

            String clientId =
                    consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();
            assertThat(mqadmin.run("consumerConnection", "-g", group).ok()).contains(clientId);
            assertThat(mqadmin.run("consumerStatus", "-g", group, "-i", clientId)
                            .ok())
                    .contains(topic);
            // INVOKE_BROKER_TO_GET_CONSUMER_STATUS: no mqadmin 5.2.0 command sends it, the admin API does
            assertThat(cluster.admin().raw().getConsumeStatus(topic, group, ""))
                    .containsKey(clientId)
                    .allSatisfy((client, offsets) -> assertThat(offsets.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum())
                            .isEqualTo(10));
        }
    }

    @Test
    void skipAndCloneMoveTheOffsetsAnOfflineGroupResumesFrom() throws Exception {
        String topic = createTopic("AdminCliSkip");
        String group = Clients.unique("admin-cli-skip");
        String clone = Clients.unique("admin-cli-clone");
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            sendKeyed(producer, topic, 12);
            mqadmin.run("updateSubGroup", "-b", broker(), "-g", group).ok();
            MqAdmin.Output skipped = mqadmin.run("skipAccumulatedMessage", "-g", group, "-t", topic);
            skipped.ok();
            long newOffsets = 0; // #brokerName #queueId #offset
            for (String[] row : skipped.rows()) {
                if (row[0].equals(brokerName())) {
                    newOffsets += Long.parseLong(row[2]);
                }
            }
            assertThat(newOffsets).isEqualTo(12);

            // the group, started now, sees none of the 12 skipped messages, only what comes after
            List<String> seenByGroup = consumeKeys(clients, group, topic);
            producer.send(new Message(topic, "TagA", "after-skip", "new".getBytes(StandardCharsets.UTF_8)));
            await("the message after the skip").atMost(SETTLE).until(() -> seenByGroup.contains("after-skip"));
            await("group offsets committed")
                    .atMost(SETTLE)
                    .until(() -> cluster.admin()
                                    .raw()
                                    .examineConsumeStats(group, topic)
                                    .computeTotalDiff()
                            == 0);
            assertThat(seenByGroup).containsOnly("after-skip");

            mqadmin.run("cloneGroupOffset", "-s", group, "-d", clone, "-t", topic)
                    .ok();
            List<String> seenByClone = consumeKeys(clients, clone, topic);
            producer.send(new Message(topic, "TagA", "after-clone", "new".getBytes(StandardCharsets.UTF_8)));
            await("the message after the clone").atMost(SETTLE).until(() -> seenByClone.contains("after-clone"));
            assertThat(seenByClone).containsOnly("after-clone");
        }
    }

    private static List<String> consumeKeys(Clients clients, String group, String topic) throws Exception {
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = clients.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> keys.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return keys;
    }

    @Test
    void brokerAndNameServerConfigurationCanBeReadAndChanged() throws Exception {
        String config = mqadmin.run("getBrokerConfig", "-b", broker()).ok();
        assertThat(config).containsPattern("brokerName\\s+=\\s+" + brokerName());

        mqadmin.run("updateBrokerConfig", "-b", broker(), "-k", "fileReservedTime", "-v", "96")
                .ok();
        assertThat(mqadmin.run("getBrokerConfig", "-b", broker()).ok()).containsPattern("fileReservedTime\\s+=\\s+96");

        String namesrv = mqadmin.run("getNamesrvConfig").ok();
        assertThat(namesrv).containsPattern("listenPort\\s*=");
        mqadmin.run("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true")
                .ok();
        assertThat(mqadmin.run("getNamesrvConfig").ok()).containsPattern("orderMessageEnable\\s*=\\s*true");
    }

    @Test
    void maintenanceCommandsAndQueueInspection() throws Exception {
        String topic = createTopic("AdminCliMaint");
        String producerGroup;
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producerGroup = producer.getProducerGroup();
            sendKeyed(producer, topic, 5);
            assertThat(mqadmin.run("producer", "-b", broker()).ok()).contains(producerGroup);
            assertThat(mqadmin.run("producerConnection", "-g", producerGroup, "-t", topic)
                            .ok())
                    .contains(producer.getDefaultMQProducerImpl()
                            .getMqClientFactory()
                            .getClientId());
        }
        assertThat(mqadmin.run("cleanExpiredCQ", "-b", broker()).ok()).contains("success");
        assertThat(mqadmin.run("deleteExpiredCommitLog", "-b", broker()).ok()).contains("success");
        assertThat(mqadmin.run("cleanUnusedTopic", "-b", broker()).ok()).contains("success");

        String queue = mqadmin.run("queryCq", "-t", topic, "-q", "0", "-i", "0", "-c", "5", "-b", broker())
                .ok();
        assertThat(queue).contains("physicOffset");
    }

    @Test
    void aMessageIsFoundByIdKeyAndOffsetAndConsumedDirectly() throws Exception {
        String topic = createTopic("AdminCliMessages");
        String group = Clients.unique("admin-cli-direct");
        try (Clients clients = new Clients(cluster)) {
            List<SendResult> sent = sendKeyed(clients.producer(), topic, 3);
            SendResult first = sent.get(0);
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
            await("delivered").atMost(SETTLE).until(() -> deliveries.size() == 3);

            assertThat(mqadmin.run("queryMsgById", "-i", first.getOffsetMsgId()).ok())
                    .contains(topic)
                    .contains("admin-cli-0");
            await("indexed").atMost(SETTLE).until(() -> mqadmin.run("queryMsgByKey", "-t", topic, "-k", "admin-cli-1")
                    .out()
                    .contains(sent.get(1).getMsgId()));
            assertThat(mqadmin.run(
                                    "queryMsgByOffset",
                                    "-t",
                                    topic,
                                    "-b",
                                    brokerName(),
                                    "-i",
                                    Integer.toString(first.getMessageQueue().getQueueId()),
                                    "-o",
                                    Long.toString(first.getQueueOffset()))
                            .ok())
                    .contains(first.getMsgId());

            String clientId =
                    consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();
            String direct = mqadmin.run(
                            "queryMsgByUniqueKey", "-i", first.getMsgId(), "-g", group, "-d", clientId, "-t", topic)
                    .ok();
            assertThat(direct).contains("CR_SUCCESS");
            await("consumed directly once more")
                    .atMost(SETTLE)
                    .until(() -> deliveries.get(first.getMsgId()).get() >= 2);
        }
    }

    private static String createTopic(String prefix) throws Exception {
        String topic = Clients.unique(prefix);
        cluster.admin().createTopic(cluster.broker(), topic, 2, SETTLE);
        return topic;
    }

    private static List<SendResult> sendKeyed(DefaultMQProducer producer, String topic, int count) throws Exception {
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message =
                    new Message(topic, "TagA", "admin-cli-" + i, ("body " + i).getBytes(StandardCharsets.UTF_8));
            SendResult result = producer.send(message);
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            results.add(result);
        }
        return results;
    }

    /** A "key : value" line of brokerStatus. */
    private static long figure(String brokerStatus, String key) {
        for (String line : brokerStatus.split("\\R")) {
            String[] parts = line.trim().split("\\s*:\\s*", 2);
            if (parts.length == 2 && parts[0].equals(key)) {
                return Long.parseLong(parts[1].trim());
            }
        }
        throw new AssertionError("brokerStatus printed no " + key + ":\n" + brokerStatus);
    }
}
