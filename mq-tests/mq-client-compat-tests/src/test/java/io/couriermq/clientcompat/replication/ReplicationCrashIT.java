package io.couriermq.clientcompat.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientConfig;
import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.ConsumerConfig;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.client.producer.SendResult;
import io.couriermq.client.producer.SendStatus;
import io.couriermq.harness.crash.CrashLedger;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ProcessCluster;
import io.couriermq.harness.process.ServerKind;
import io.couriermq.harness.process.WorkDir;
import io.couriermq.remoting.protocol.body.ConsumeFromWhere;
import io.couriermq.test.RemotingProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replication issue's proof with our client: 2 NameServers, 2 SYNC_MASTER + SYNC_FLUSH masters with
 * one slave each, keyed sync sends and a consumer running throughout; each cycle kills -9 one master at
 * a random moment, keeps going on its slave, restarts it, and at the end everything is drained. No
 * acknowledged message may be lost and no queue read out of order. `verify` runs one cycle; {@code -Dcrash.cycles=N} runs more
 * cycles (the {@code crash-soak} profile runs 10); {@code -Dcrash.role=ASYNC_MASTER} the same with
 * asynchronous replication.
 */
class ReplicationCrashIT {
    private static final Logger log = LoggerFactory.getLogger(ReplicationCrashIT.class);
    private static final String TOPIC = "ReplicatedCrash";
    private static final int SENDERS = 2;

    private final CrashLedger ledger = new CrashLedger();
    private final AtomicBoolean sending = new AtomicBoolean(true);

    @Test
    void noAcknowledgedMessageIsLostWhenMastersAreKilled() throws Exception {
        int cycles = Integer.getInteger("crash.cycles", 1);
        String role = System.getProperty("crash.role", Broker.SYNC_MASTER); // ASYNC_MASTER for comparison
        Path workDir = WorkDir.fresh("ReplicationCrashIT");
        try (RemotingProbe probe = new RemotingProbe();
                ProcessCluster cluster = ProcessCluster.builder(workDir)
                        .kinds(ServerKind.COURIER, ServerKind.COURIER)
                        .nameServers(2)
                        .masters(2)
                        .slavesPerMaster(1)
                        .brokerRole(role)
                        .brokerSetting("flushDiskType", "SYNC_FLUSH")
                        .brokerSetting("haSendHeartbeatInterval", "1000")
                        .brokerSetting("haHousekeepingInterval", "5000")
                        .registeredWhen((nameServer, broker) -> probe.clusterInfo(nameServer)
                                        .brokerAddrTable()
                                        .get(broker.brokerName())
                                        .brokerAddrs()
                                        .get(broker.brokerId())
                                != null)
                        .start()) {
            for (String group : cluster.brokerNames()) {
                probe.createTopic(cluster.broker(group).address(), TOPIC, 4);
            }
            ClientRuntime runtime = ClientRuntime.start(ClientConfig.builder(cluster.nameServerAddress())
                    .instanceName("crash-" + System.nanoTime())
                    .clientIp("127.0.0.1")
                    .build());
            try (runtime;
                    Producer producer = Producer.start(
                            runtime, ProducerConfig.builder("crash-p").build());
                    PushConsumer consumer = consumer(cluster, workDir)) {
                awaitSlavesHaveTheTopic(cluster, probe);
                List<Thread> senders = startSenders(producer);
                List<Long> servedAfterMs = new ArrayList<>();
                for (int cycle = 0; cycle < cycles; cycle++) {
                    String victim = cluster.brokerNames().get(cycle % 2);
                    Thread.sleep(2_000 + ThreadLocalRandom.current().nextLong(2_000));
                    consumer.pause(); // a backlog on both sets, so the victim's slave has something to serve
                    Thread.sleep(1_000);
                    long killedAt = System.currentTimeMillis();
                    cluster.killBroker(victim);
                    consumer.resume();
                    servedAfterMs.add(awaitSlaveServes(victim, killedAt));
                    Thread.sleep(2_000);
                    cluster.restartBroker(victim);
                }
                Thread.sleep(2_000);
                sending.set(false);
                for (Thread sender : senders) {
                    sender.join();
                }
                await("every acknowledged message consumed: " + ledger.summary())
                        .atMost(Duration.ofSeconds(90))
                        .until(ledger::allAcknowledgedConsumed);
                String figures = "REPLICATION-CRASH our client, " + role + ", " + cycles + " cycles: "
                        + ledger.summary() + " slaveServedDeadMastersQueuesAfterMs=" + servedAfterMs;
                log.info(figures);
                Files.writeString(workDir.resolve("crash-figures.txt"), figures + System.lineSeparator());
                assertThat(ledger.lost()).isEmpty();
                assertThat(ledger.orderViolations()).isZero();
                assertThat(ledger.acknowledgedCount()).isGreaterThan(100 * cycles);
            }
        }
    }

    private PushConsumer consumer(ProcessCluster cluster, Path workDir) throws Exception {
        return PushConsumer.create(
                        ClientConfig.builder(cluster.nameServerAddress())
                                .instanceName("crash-c-" + System.nanoTime())
                                .clientIp("127.0.0.1")
                                .build(),
                        ConsumerConfig.builder("crash-cg")
                                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                                .consumeThreads(1) // one thread keeps each queue's deliveries in pull order
                                .rebalanceIntervalMs(2_000)
                                .persistOffsetIntervalMs(1_000)
                                .offsetStoreDir(Files.createDirectories(workDir.resolve("consumer-offsets")))
                                .build(),
                        (message, context) -> {
                            ledger.consumed(
                                    new String(message.body(), StandardCharsets.UTF_8),
                                    message.brokerName(),
                                    message.queueId(),
                                    message.queueOffset(),
                                    System.currentTimeMillis());
                            return ConsumeResult.SUCCESS;
                        })
                .subscribe(TOPIC, "*")
                .start();
    }

    /** Topics reach slaves with the metadata copy; a slave without the topic could not serve it. */
    private static void awaitSlavesHaveTheTopic(ProcessCluster cluster, RemotingProbe probe) {
        for (String group : cluster.brokerNames()) {
            Broker slave = cluster.slaves(group).get(0);
            await("topic " + TOPIC + " copied to " + slave.name())
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> probe.pull(slave.address(), group, TOPIC, 0, 0) != null);
        }
    }

    private List<Thread> startSenders(Producer producer) {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int thread = t;
            Thread sender = new Thread(
                    () -> {
                        for (long i = 0; sending.get(); i++) {
                            String key = "s" + thread + "-" + i;
                            send(producer, key);
                        }
                    },
                    "crash-sender-" + t);
            sender.start();
            senders.add(sender);
        }
        return senders;
    }

    private void send(Producer producer, String key) {
        try {
            SendResult result = producer.send(OutgoingMessage.builder(TOPIC, key.getBytes(StandardCharsets.UTF_8))
                    .keys(key)
                    .build());
            if (result.status() == SendStatus.SEND_OK) {
                ledger.acknowledged(key);
            } else {
                ledger.unconfirmed(key);
            }
        } catch (RuntimeException e) {
            ledger.unconfirmed(key);
        }
    }

    /** How long after the kill a message of the dead master's queues was delivered (read from its slave). */
    private long awaitSlaveServes(String brokerName, long killedAt) {
        await(brokerName + "'s queues served by its slave after the kill")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ledger.lastDeliveryMs(brokerName) > killedAt);
        return ledger.lastDeliveryMs(brokerName) - killedAt;
    }
}
