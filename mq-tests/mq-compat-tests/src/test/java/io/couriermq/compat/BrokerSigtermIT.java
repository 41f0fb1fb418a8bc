package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.compat.crash.AckLedger;
import io.couriermq.compat.crash.CrashBody;
import io.couriermq.compat.crash.TopicReader;
import io.couriermq.compat.harness.Clients;
import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM to our broker process (SYNC_FLUSH) while the official 5.2.0 producer sends from four threads:
 * every send gets an answer or a prompt error, never silence (no send ends in a timeout); the broker says
 * goodbye to the NameServer (it is no longer listed the moment it has exited, long before the 120 s expiry)
 * and exits within its grace period; after a restart on the same store every acknowledged message is there,
 * intact, with dense queue offsets.
 */
class BrokerSigtermIT {
    private static final Logger log = LoggerFactory.getLogger(BrokerSigtermIT.class);
    private static final String TOPIC = "SigtermUnderLoad";
    private static final int SENDERS = 4;
    private static final int SEND_TIMEOUT_MS = 3_000;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(
            Broker.Settings.defaults().withProperties(Map.of("flushDiskType", "SYNC_FLUSH")));

    private final AckLedger ledger = new AckLedger();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, String> silent = new ConcurrentHashMap<>();
    private final AtomicLong longestSendMs = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean(true);

    @Test
    void everySendIsAnsweredTheBrokerUnregistersAndExitsInTimeAndNothingAcknowledgedIsLost() throws Exception {
        Broker broker = cluster.broker();
        cluster.admin().createTopic(broker, TOPIC, 4, Duration.ofSeconds(30));
        try (Clients clients = new Clients(cluster)) {
            DefaultMQProducer producer = clients.producer();
            producer.setSendMsgTimeout(SEND_TIMEOUT_MS);
            producer.setRetryTimesWhenSendFailed(0); // each call is one request: its own outcome, not a retry's
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                senders.add(startSender(producer, "sigterm-" + t + "-"));
            }
            await("load under way").atMost(Duration.ofSeconds(60)).until(() -> ledger.size() >= 200);

            long signalledAt = System.currentTimeMillis();
            int exitCode = broker.process().terminate(Broker.STOP_TIMEOUT); // fails if not exited within it
            long exitedAfterMs = System.currentTimeMillis() - signalledAt;
            boolean stillListed = cluster.admin().isRegistered(broker);
            int ackedAtExit = ledger.size();
            sending.set(false);
            for (Thread sender : senders) {
                sender.join(2L * SEND_TIMEOUT_MS);
            }
            log.info(
                    "SIGTERM under load: exited with {} after {} ms; {} acknowledged by then, {} failed promptly,"
                            + " {} silent; longest send {} ms; still listed by the NameServer: {}; failures such as {}",
                    exitCode,
                    exitedAfterMs,
                    ackedAtExit,
                    failures.size(),
                    silent.size(),
                    longestSendMs.get(),
                    stillListed,
                    failures.values().stream().distinct().limit(3).toList());
            assertThat(exitCode)
                    .as("exit code after SIGTERM (143: 128 + SIGTERM)")
                    .isIn(0, 143);
            assertThat(stillListed).as("listed by the NameServer after exiting").isFalse();
            assertThat(silent)
                    .as("sends that ended in a timeout instead of an answer")
                    .isEmpty();
            assertThat(longestSendMs.get()).isLessThan(SEND_TIMEOUT_MS);

            cluster.restartBroker(broker);
            Map<String, AckLedger.Expected> expected = ledger.snapshot();
            try (TopicReader reader = new TopicReader(cluster.nameServerAddress(), TOPIC)) {
                reader.read(true);
                assertThat(reader.offsetErrors()).isEmpty();
                assertThat(AckLedger.problems(expected, reader)).isEmpty();
            }
        }
    }

    private Thread startSender(DefaultMQProducer producer, String keyPrefix) {
        Thread sender = new Thread(
                () -> {
                    for (long i = 0; sending.get(); i++) {
                        send(producer, keyPrefix + i);
                    }
                },
                "sigterm-sender-" + keyPrefix);
        sender.start();
        return sender;
    }

    private void send(DefaultMQProducer producer, String key) {
        byte[] body = CrashBody.of(key);
        long start = System.currentTimeMillis();
        try {
            SendStatus status = producer.send(new Message(TOPIC, "", key, body)).getSendStatus();
            if (status == SendStatus.SEND_OK) {
                ledger.acknowledged(key, body);
            } else {
                failures.put(key, status.name());
            }
        } catch (Exception e) {
            (isTimeout(e) ? silent : failures).put(key, e.toString());
            pause();
        } finally {
            longestSendMs.accumulateAndGet(System.currentTimeMillis() - start, Math::max);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RemotingTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50); // the broker is gone: no busy loop of refused connections
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
