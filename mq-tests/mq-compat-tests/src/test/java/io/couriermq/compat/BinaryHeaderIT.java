package io.couriermq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.compat.harness.CompatCluster;
import io.couriermq.compat.harness.RecordingProxy.Direction;
import io.couriermq.compat.harness.RecordingProxy.Frame;
import io.couriermq.harness.process.Broker;
import io.couriermq.harness.process.ServerKind;
import java.util.List;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof 4: proofs 2 and 3 with binary (ROCKETMQ) headers in the clients and the broker.
 *
 * <p>The client reads {@code rocketmq.serialize.type} once per JVM, so this class runs in its own
 * failsafe execution ({@code rocketmq-headers} in the pom) with that property set. That execution
 * also sets {@code compat.headers=rocketmq}; in any other JVM (e.g. {@code -Dit.test=BinaryHeaderIT}
 * also selects it in the JSON execution) the class is skipped rather than run with JSON headers.
 */
@EnabledIfSystemProperty(named = "compat.headers", matches = "rocketmq")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BinaryHeaderIT {

    private static final int BINARY = 1;

    @RegisterExtension
    static final CompatCluster cluster = CompatCluster.recordingNameServerTraffic(
            Broker.Settings.defaults().withSerializeType(SerializeType.ROCKETMQ.name()));

    @BeforeAll
    static void clientsInThisJvmUseBinaryHeaders() {
        assertThat(RemotingCommand.getSerializeTypeConfigInThisServer())
                .as("run in the failsafe execution 'rocketmq-headers' (-Drocketmq.serialize.type=ROCKETMQ)")
                .isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    @Order(1)
    void pushConsumerReceivesEachOfTheHundredMessagesOnce() throws Exception {
        ProduceConsumeScenario.sendAndReceiveEachMessageOnce(cluster);
    }

    @Test
    @Order(2)
    void producerSendsToATopicTheBrokerCreatesOnTheFly() throws Exception {
        ProduceConsumeScenario.sendToAnAutoCreatedTopic(cluster);
    }

    @Test
    @Order(3)
    void examineBrokerClusterInfoReturnsTheBroker() throws Exception {
        AdminScenario.clusterInfoShowsTheBroker(cluster);
    }

    @Test
    @Order(4)
    void examineTopicRouteInfoReturnsTheTopic() throws Exception {
        AdminScenario.topicRouteShowsTheTopicOnTheBroker(cluster);
    }

    @Test
    @Order(5)
    void examineTopicRouteInfoOfAnUnknownTopicIsTopicNotExist() {
        AdminScenario.unknownTopicIsTopicNotExist(cluster);
    }

    /** Runs last: checks the frames the tests above exchanged with the NameServer. */
    @Test
    @Order(6)
    void everyRequestToTheNameServerWasBinary() {
        List<Frame> frames = cluster.nameServerTraffic().orElseThrow().frames();
        List<Frame> requests = frames.stream()
                .filter(frame -> frame.direction() == Direction.TO_SERVER)
                .toList();

        assertThat(requests)
                .extracting(Frame::code)
                .contains(
                        RequestCode.REGISTER_BROKER,
                        RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        RequestCode.GET_BROKER_CLUSTER_INFO);
        assertThat(requests).allSatisfy(frame -> assertThat(frame.serializeType())
                .as("serialize type of request %s", frame.code())
                .isEqualTo(BINARY));
        if (cluster.nameServer().kind() == ServerKind.COURIER) {
            // Our NameServer answers in the request's type (the official 5.x one uses its own).
            assertThat(frames)
                    .filteredOn(frame -> frame.direction() == Direction.TO_CLIENT)
                    .allSatisfy(frame -> assertThat(frame.serializeType())
                            .as("serialize type of response to %s", frame.requestCode())
                            .isEqualTo(BINARY));
        }
    }
}
