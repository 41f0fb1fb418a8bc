package io.couriermq.spring.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.MQProducers;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The starter's actuator integration as an operator sees it over HTTP: the {@code courier} health with its
 * details, pausing and resuming a container through {@code mqlisteners} (messages held, lag growing, then
 * drained), and the send and consume timers counting exactly what went through.
 */
@SpringBootTest(
        classes = ActuatorIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health,mqlisteners,metrics",
            "management.endpoint.health.show-details=always",
            "courier.actuator.write-enabled=true"
        })
@EmbeddedMQ(topics = "ObsActuator:1")
class ActuatorIT {
    private static final String TOPIC = "ObsActuator";
    private static final String GROUP = "obs-actuator-group";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @SpringBootApplication
    @Import(Collector.class)
    static class App {}

    @Component
    @MQMessageListener(topic = TOPIC, consumerGroup = GROUP)
    static class Collector extends RecordingListener<String> {}

    @Value("${local.server.port}")
    int port;

    @Autowired
    MQTemplate template;

    @Autowired
    MQProducers producers;

    @Autowired
    Collector collector;

    @Autowired
    EmbeddedCluster embeddedMQCluster;

    @Autowired
    MQListenerEndpointRegistry registry;

    ActuatorClient actuator;

    @BeforeEach
    void client() {
        actuator = new ActuatorClient(port);
    }

    @Test
    void healthShowsCourierUpWithItsDetails() {
        String broker =
                embeddedMQCluster.brokerAddress(embeddedMQCluster.brokerNames().get(0));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode courier = actuator.getJson("/health").path("components").path("courier");
            assertThat(courier.path("status").asString()).isEqualTo("UP");
            JsonNode details = courier.path("details");
            assertThat(strings(details.path("nameServers").path("reachable")))
                    .containsExactly(embeddedMQCluster.nameServerAddress());
            assertThat(strings(details.path("nameServers").path("unreachable"))).isEmpty();
            assertThat(details.path("brokers").path(broker).asBoolean()).isTrue();
            assertThat(strings(details.path("producerGroups"))).isEqualTo(producers.groups());
            JsonNode container = details.path("containers").get(0);
            assertThat(details.path("containers").size()).isEqualTo(1);
            assertThat(container.path("id").asString()).isEqualTo(GROUP);
            assertThat(container.path("group").asString()).isEqualTo(GROUP);
            assertThat(strings(container.path("topics"))).containsExactly(TOPIC);
            assertThat(container.path("running").asBoolean()).isTrue();
            assertThat(container.path("paused").asBoolean()).isFalse();
        });
    }

    @Test
    void pauseHoldsMessagesResumeDrainsThemAndTheMetersCountThem() {
        Assignments.awaitAll(registry, embeddedMQCluster);
        template.syncSend(TOPIC, "warm-up");
        await().atMost(WAIT).until(() -> collector.received.contains("warm-up"));

        HttpResponse<String> paused = actuator.post("/mqlisteners/" + GROUP, "{\"action\":\"pause\"}");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(ActuatorClient.json(paused).path("paused").asBoolean()).isTrue();

        String brokerName = embeddedMQCluster.brokerNames().get(0);
        int count = 5;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            template.syncSend(TOPIC, "held-" + i);
            sent.add("held-" + i);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode container = actuator.getJson("/mqlisteners/" + GROUP);
            assertThat(container.path("totalLag").asLong()).isGreaterThanOrEqualTo(count);
            JsonNode queues = container.path("lag").path(TOPIC);
            assertThat(queues.size()).isEqualTo(1);
            assertThat(queues.path(brokerName + ":0").asLong()).isGreaterThanOrEqualTo(count);
        });
        await().atMost(WAIT).until(() -> actuator.measurement("courier.listener.lag", "VALUE", "id:" + GROUP) >= count);
        assertThat(collector.received).doesNotContainAnyElementsOf(sent);
        JsonNode listed = actuator.getJson("/mqlisteners").path("containers");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("paused").asBoolean()).isTrue();

        HttpResponse<String> resumed = actuator.post("/mqlisteners/" + GROUP, "{\"action\":\"resume\"}");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(ActuatorClient.json(resumed).path("paused").asBoolean()).isFalse();
        await().atMost(WAIT).until(() -> collector.received.containsAll(sent));
        await().atMost(WAIT).untilAsserted(() -> assertThat(actuator.getJson("/mqlisteners/" + GROUP)
                        .path("totalLag")
                        .asLong())
                .isZero());

        int total = count + 1;
        assertThat(actuator.count("courier.producer.send", "topic:" + TOPIC, "result:success"))
                .isEqualTo(total);
        await().atMost(WAIT).untilAsserted(() -> assertThat(actuator.count(
                        "courier.listener.consume", "group:" + GROUP, "topic:" + TOPIC, "result:SUCCESS"))
                .isEqualTo(total));
        assertThat(collector.received).hasSize(total);
    }

    @Test
    void unknownContainersAndActionsAreRefused() {
        assertThat(actuator.get("/mqlisteners/no-such-container").statusCode()).isEqualTo(404);
        assertThat(actuator.post("/mqlisteners/" + GROUP, "{\"action\":\"explode\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(actuator.post("/mqlisteners/no-such-container", "{\"action\":\"pause\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(actuator.getJson("/mqlisteners/" + GROUP).path("paused").asBoolean())
                .isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
