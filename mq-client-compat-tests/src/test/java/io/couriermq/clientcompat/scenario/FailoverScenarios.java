package io.couriermq.clientcompat.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's failover proof: two master brokers, steady sync sends, one broker killed. Sends must go on
 * through the other broker with at most the failures of what was in flight; the output gives the
 * longest gap between two successful sends after the kill.
 */
abstract class FailoverScenarios {
    private static final Logger log = LoggerFactory.getLogger(FailoverScenarios.class);

    protected abstract ClusterUnderTest.Kind kind();

    @Test
    void sendsContinueThroughTheOtherBrokerWhenOneIsKilled() throws Exception {
        try (ClusterUnderTest cluster =
                        ClusterUnderTest.start(kind(), 2, getClass().getSimpleName());
                Clients clients = new Clients(cluster, Files.createTempDirectory("failover-offsets"))) {
            cluster.createTopic("Failover", 4);
            Producer producer = clients.closeLater(Producer.start(
                    clients.runtime(), ProducerConfig.builder("failover-p").build()));

            SteadySender sender = new SteadySender(producer, "Failover", 2);
            Thread.sleep(3_000);
            long killedAt = System.currentTimeMillis();
            cluster.crashBroker("broker-b");
            Thread.sleep(6_000);
            sender.close();

            List<SteadySender.Outcome> afterKill = sender.outcomes().stream()
                    .filter(outcome -> outcome.atMs() >= killedAt)
                    .toList();
            long failures =
                    afterKill.stream().filter(outcome -> !outcome.succeeded()).count();
            long gapMs = sender.longestGapMs(killedAt);
            log.info(
                    "FAILOVER {}: {} sends after the kill, {} failed {}, longest gap between successes {} ms",
                    cluster.description(),
                    afterKill.size(),
                    failures,
                    afterKill.stream()
                            .filter(o -> !o.succeeded())
                            .map(SteadySender.Outcome::error)
                            .toList(),
                    gapMs);
            assertThat(failures).as("only the send in flight may fail").isLessThanOrEqualTo(1);
            assertThat(afterKill.stream()
                            .filter(SteadySender.Outcome::succeeded)
                            .count())
                    .isGreaterThan(100);
        }
    }
}
