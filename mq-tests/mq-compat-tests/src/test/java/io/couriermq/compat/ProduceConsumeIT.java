package io.couriermq.compat;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof 2: the official producer and push consumer exchange 100 messages, routed by our NameServer. The
 * steps and their assertions live in {@link ProduceConsumeScenario}, shared with {@link BinaryHeaderIT}.
 */
class ProduceConsumeIT {

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.of(Broker.Settings.defaults());

    @Test
    void pushConsumerReceivesEachOfTheHundredMessagesOnce() throws Exception {
        ProduceConsumeScenario.sendAndReceiveEachMessageOnce(cluster);
    }

    @Test
    void producerSendsToATopicTheBrokerCreatesOnTheFly() throws Exception {
        ProduceConsumeScenario.sendToAnAutoCreatedTopic(cluster);
    }
}
