package io.couriermq.clientcompat.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.harness.process.WorkDir;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's failover proof: two master brokers, steady sync sends, one broker killed. Sends must go on
 * through the other broker with at most the failure of what was in flight, and no longer without a
 * success than the producer's promise: one send's budget (the send in flight at the kill, with its
 * retry to the other broker) after which the dead broker is avoided.
 */
abstract class FailoverScenarios {
    private static final Logger log = LoggerFactory.getLogger(FailoverScenarios.class);
    /** One send's budget, its retries to the other broker included. */
    private static final long SEND_TIMEOUT_MS = 3_000;
    /** A healthy send after the in-flight one (milliseconds normally), with room for a loaded machine. */
    private static final long NEXT_SEND_ALLOWANCE_MS = 1_000;

    private static final int PHASE_SENDS = 100;

    protected abstract ClusterUnderTest.Kind kind();

    @Test
    void sendsContinueThroughTheOtherBrokerWhenOneIsKilled() throws Exception {
        try (ClusterUnderTest cluster =
                        ClusterUnderTest.start(kind(), 2, getClass().getSimpleName());
                Clients clients = new Clients(cluster, WorkDir.temporary("failover-offsets"))) {
            cluster.createTopic("Failover", 4);
            Producer producer = clients.closeLater(Producer.start(
                    clients.runtime(),
                    ProducerConfig.builder("failover-p")
                            .sendTimeoutMs(SEND_TIMEOUT_MS)
                            .retries(2)
                            .build()));

            SteadySender sender = new SteadySender(producer, "Failover", 2);
            await("both brokers take sends")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sender.acknowledgedBy("broker-a", 0) >= PHASE_SENDS
                            && sender.acknowledgedBy("broker-b", 0) >= PHASE_SENDS);
            long killedAt = System.currentTimeMillis();
            cluster.crashBroker("broker-b");
            await("the surviving broker takes sends after the kill")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sender.acknowledgedBy("broker-a", killedAt) >= 2L * PHASE_SENDS);
            sender.close();

            List<SteadySender.Outcome> afterKill = sender.outcomes().stream()
                    .filter(outcome -> outcome.atMs() >= killedAt)
                    .toList();
            List<String> failures = afterKill.stream()
                    .filter(outcome -> !outcome.succeeded())
                    .map(SteadySender.Outcome::error)
                    .toList();
            long gapMs = sender.longestGapMs(killedAt);
            log.info(
                    "FAILOVER {}: {} sends after the kill, {} failed {}, longest time without a success from the kill on {} ms",
                    cluster.description(),
                    afterKill.size(),
                    failures.size(),
                    failures,
                    gapMs);
            assertThat(failures).as("only the send in flight may fail").hasSizeLessThanOrEqualTo(1);
            assertThat(gapMs)
                    .as("longest time without a success after the kill: one send's budget, then the next send")
                    .isLessThanOrEqualTo(SEND_TIMEOUT_MS + NEXT_SEND_ALLOWANCE_MS);
        }
    }
}
