package io.couriermq.clientcompat.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.ClientRuntime;
import io.couriermq.client.consumer.ConsumeResult;
import io.couriermq.client.consumer.PushConsumer;
import io.couriermq.client.producer.Producer;
import io.couriermq.client.producer.ProducerConfig;
import io.couriermq.clientcompat.cluster.ClusterUnderTest;
import io.couriermq.harness.process.WorkDir;
import io.couriermq.remoting.protocol.body.MessageQueue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 5's rebalance proof: under steady sends, a third consumer joins a group of two and then one of
 * the first two leaves. No message may be lost; duplicates are allowed only around the rebalances and
 * are counted in the output.
 */
abstract class RebalanceScenarios {
    private static final Logger log = LoggerFactory.getLogger(RebalanceScenarios.class);
    private static final int QUEUES = 8;
    private static final int PHASE_SENDS = 100;

    protected abstract ClusterUnderTest.Kind kind();

    @Test
    void aConsumerJoiningAndOneLeavingUnderLoadLosesNothing() throws Exception {
        try (ClusterUnderTest cluster =
                        ClusterUnderTest.start(kind(), 2, getClass().getSimpleName());
                Clients clients = new Clients(cluster, WorkDir.temporary("rebalance-offsets"))) {
            String topic = "Rebalance";
            cluster.createTopic(topic, QUEUES / 2);
            Inbox inbox = new Inbox();
            PushConsumer first = consumer(clients, inbox);
            PushConsumer second = consumer(clients, inbox);
            awaitBalanced(List.of(first, second));
            ClientRuntime producerRuntime = clients.runtime();
            Producer producer = clients.closeLater(Producer.start(
                    producerRuntime, ProducerConfig.builder("rebalance-p").build()));

            SteadySender sender = new SteadySender(producer, topic, 5);
            // each phase ends once the consumers it names consume what was sent after it began
            awaitConsumed(sender, inbox, "two members");
            PushConsumer third = consumer(clients, inbox);
            awaitBalanced(List.of(first, second, third));
            awaitConsumed(sender, inbox, "three members");
            first.close();
            awaitBalanced(List.of(second, third));
            awaitConsumed(sender, inbox, "the two remaining members");
            sender.close();

            List<String> sent = sender.sentBodies();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> inbox.distinctBodies().containsAll(sent));
            Set<String> received = new HashSet<>(inbox.distinctBodies());
            log.info(
                    "REBALANCE {}: sent {}, received {} distinct in {} deliveries, duplicates {}, failed sends {}",
                    cluster.description(),
                    sent.size(),
                    received.size(),
                    inbox.size(),
                    inbox.duplicates(),
                    sender.outcomes().size() - sent.size());
            assertThat(received).as("every acknowledged message arrives").containsAll(sent);
            assertThat(sent).as("the load ran through both rebalances").hasSizeGreaterThanOrEqualTo(3 * PHASE_SENDS);
        }
    }

    private static PushConsumer consumer(Clients clients, Inbox inbox) {
        PushConsumer consumer = clients.closeLater(PushConsumer.create(
                clients.runtime(), clients.consumer("g-rebalance").build(), (message, context) -> {
                    inbox.add(message);
                    return ConsumeResult.SUCCESS;
                }));
        return consumer.subscribe("Rebalance", "*").start();
    }

    /**
     * Waits until {@value #PHASE_SENDS} more sends were acknowledged and consumed: the load runs through
     * the current assignment before the next change.
     */
    private static void awaitConsumed(SteadySender sender, Inbox inbox, String phase) {
        int from = sender.sentBodies().size();
        await(phase + " consume " + PHASE_SENDS + " more messages")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    List<String> sent = sender.sentBodies();
                    return sent.size() >= from + PHASE_SENDS
                            && inbox.distinctBodies().containsAll(sent.subList(from, from + PHASE_SENDS));
                });
    }

    /** Every live consumer holds some queues and together they hold each queue once. */
    private static void awaitBalanced(List<PushConsumer> consumers) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Set<Object> all = new HashSet<>();
            int total = 0;
            for (PushConsumer consumer : consumers) {
                Set<MessageQueue> queues = ClientScenarios.queuesOf(consumer, "Rebalance");
                if (queues.isEmpty()) {
                    return false;
                }
                all.addAll(queues);
                total += queues.size();
            }
            return all.size() == QUEUES && total == QUEUES;
        });
    }
}
