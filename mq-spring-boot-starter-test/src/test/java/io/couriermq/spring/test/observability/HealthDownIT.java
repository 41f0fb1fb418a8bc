package io.couriermq.spring.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.namesrv.NameServer;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.test.EmbeddedCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * With every NameServer gone the application reports {@code courier} DOWN (and so is DOWN itself, 503),
 * naming the unreachable addresses. Stops the cluster's NameServers, so the context is not reused.
 */
@SpringBootTest(
        classes = HealthDownIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always"
        })
@EmbeddedMQ(topics = "ObsHealthDown:1")
@DirtiesContext
class HealthDownIT {

    @SpringBootApplication
    static class App {}

    @Value("${local.server.port}")
    int port;

    @Autowired
    EmbeddedCluster embeddedMQCluster;

    @Test
    void courierIsDownOnceNoNameServerAnswers() {
        ActuatorClient actuator = new ActuatorClient(port);
        String nameServer = embeddedMQCluster.nameServerAddress();
        HttpResponse<String> up = actuator.get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(ActuatorClient.json(up)
                        .path("components")
                        .path("courier")
                        .path("status")
                        .asString())
                .isEqualTo("UP");

        embeddedMQCluster.nameServers().forEach(NameServer::shutdown);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> down = actuator.get("/health");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode courier = ActuatorClient.json(down).path("components").path("courier");
            assertThat(courier.path("status").asString()).isEqualTo("DOWN");
            List<String> unreachable = new ArrayList<>();
            courier.path("details").path("nameServers").path("unreachable").forEach(n -> unreachable.add(n.asString()));
            assertThat(unreachable).containsExactly(nameServer);
            assertThat(courier.path("details")
                            .path("nameServers")
                            .path("reachable")
                            .size())
                    .isZero();
        });
    }
}
