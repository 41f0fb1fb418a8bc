package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.harness.Admin;
import io.couriermq.compat.harness.Clients;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.NameServer;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/**
 * Replication across vendors, as the classic HA protocol allows: an Apache RocketMQ 5.2.0 slave copies
 * our master, and our slave copies an Apache RocketMQ 5.2.0 master. Each time the slave also copies the
 * topic table through the metadata requests and finds its master through the NameServer; the master is
 * then killed, and the official consumer reads every message from the slave.
 */
class ReplicationInteropIT {
    private static final int MESSAGES = 200;

    @Test
    void anOfficialSlaveCopiesOurMasterAndServesItsMessages() throws Exception {
        replicateAndReadFromTheSlave(
                "OfficialSlaveOfOurs", ServerKind.COURIER, Broker.ASYNC_MASTER, ServerKind.OFFICIAL);
    }

    @Test
    void ourSlaveCopiesAnOfficialSyncMasterAcknowledgingEverySendAndServesItsMessages() throws Exception {
        replicateAndReadFromTheSlave("OurSlaveOfOfficial", ServerKind.OFFICIAL, Broker.SYNC_MASTER, ServerKind.COURIER);
    }

    private void replicateAndReadFromTheSlave(String name, ServerKind masterKind, String role, ServerKind slaveKind)
            throws Exception {
        Path dir = WorkDir.fresh("ReplicationInteropIT-" + name);
        String topic = "Interop" + name;
        Broker.Settings settings = new Broker.Settings("InteropCluster", "interop-a", Map.of(), null)
                // both serve reads once their master is gone only with slave reads on (the official slave's rule)
                .withProperties(Map.of("slaveReadEnable", "true", "haSendHeartbeatInterval", "1000"));
        try (NameServer nameServer = NameServer.start(ServerKind.COURIER, dir.resolve("namesrv"));
                Broker master =
                        Broker.start(masterKind, nameServer.address(), dir.resolve("master"), settings.asMaster(role));
                Admin admin = Admin.connect(nameServer.address());
                Clients clients = new Clients(nameServer.address())) {
            admin.createTopic(master, topic, 4, Duration.ofSeconds(30));
            // A 5.2.0 slave first copies its master's topics about 60 s after it starts (then every 60 s; its
            // timer checkpoint every 3 s); ours copies every 3 s.
            try (Broker slave = Broker.start(
                    slaveKind,
                    nameServer.address(),
                    dir.resolve("slave"),
                    // no haMasterAddress: the slave learns it from the NameServer's registration answer
                    // (a 5.2.0 slave ignores a configured one: its HA client starts without it)
                    settings.asSlaveOf(master, 1).withProperties(Map.of("haMasterAddress", "")))) {
                await("topic " + topic + " copied to the " + slave.kind() + " slave")
                        .atMost(Duration.ofSeconds(100))
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .until(() -> admin.raw().examineTopicConfig(slave.address(), topic) != null);
                readEverythingFromTheSlave(master, slave, topic, clients);
            }
        }
    }

    private void readEverythingFromTheSlave(Broker master, Broker slave, String topic, Clients clients)
            throws Exception {
        // The consumer takes its start offsets from the master (the 5.2.0 client asks offsets of masters
        // only, so a new group could not start on a slave alone), then is suspended while we send.
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger afterKill = new AtomicInteger();
        DefaultMQPushConsumer consumer = clients.pushConsumer(Clients.unique("interop"));
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                if (consumed.add(new String(message.getBody(), StandardCharsets.UTF_8))
                        && System.currentTimeMillis() > killedAt.get()) {
                    afterKill.incrementAndGet();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await("the consumer holds all 4 queues")
                .atMost(Duration.ofSeconds(30))
                .until(() -> consumer.getDefaultMQPushConsumerImpl()
                                .getRebalanceImpl()
                                .getProcessQueueTable()
                                .size()
                        == 4);
        consumer.suspend();
        DefaultMQProducer producer = clients.producer();
        for (int i = 0; i < MESSAGES; i++) {
            Message message = new Message(topic, "", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8));
            SendStatus status = await("send " + i + " acknowledged")
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> producer.send(message).getSendStatus(), s -> s == SendStatus.SEND_OK);
            assertThat(status).isEqualTo(SendStatus.SEND_OK);
        }
        await(slave.kind() + " slave holds all " + MESSAGES + " messages")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> messagesOn(producer, slave, topic) == MESSAGES);

        killedAt.set(System.currentTimeMillis());
        master.process().kill();
        consumer.resume();
        await("every message consumed, the rest from the " + slave.kind() + " slave")
                .atMost(Duration.ofSeconds(60))
                .until(() -> consumed.size() == MESSAGES);
        // pulls held at the master when the consumer was suspended may have delivered some; the rest
        // can only have come from the slave
        assertThat(afterKill.get()).isPositive();
    }

    /** The slave's own max offsets of the topic's queues, asked of the slave directly. */
    private static long messagesOn(DefaultMQProducer producer, Broker slave, String topic) throws Exception {
        long total = 0;
        for (int queueId = 0; queueId < 4; queueId++) {
            total += Clients.api(producer)
                    .getMaxOffset(slave.address(), new MessageQueue(topic, slave.brokerName(), queueId), 3_000);
        }
        return total;
    }
}
