package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.harness.process.Broker;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Produce and consume through the selected broker (ours by default) with binary (ROCKETMQ) headers:
 * SEND_MESSAGE_V2, HEART_BEAT, PULL_MESSAGE, offsets, all binary. Runs in the failsafe execution
 * {@code rocketmq-headers}, like {@link BinaryHeaderIT}; skipped in any other JVM.
 */
@EnabledIfSystemProperty(named = "compat.headers", matches = "rocketmq")
class BrokerBinaryHeaderIT {

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.withSelectedBroker(
            Broker.Settings.defaults().withSerializeType(SerializeType.ROCKETMQ.name()));

    @BeforeAll
    static void clientsInThisJvmUseBinaryHeaders() {
        assertThat(RemotingCommand.getSerializeTypeConfigInThisServer())
                .as("run in the failsafe execution 'rocketmq-headers' (-Drocketmq.serialize.type=ROCKETMQ)")
                .isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void pushConsumerReceivesEachOfTheHundredMessagesOnce() throws Exception {
        ProduceConsumeScenario.sendAndReceiveEachMessageOnce(cluster);
    }

    @Test
    void producerSendsToATopicTheBrokerCreatesOnTheFly() throws Exception {
        ProduceConsumeScenario.sendToAnAutoCreatedTopic(cluster);
    }
}
