package io.couriermq.spring.test.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without Spring Security and without {@code courier.actuator.write-enabled}, {@code mqlisteners} is still
 * readable over HTTP, but its write operation answers 403 saying how to enable it. (ActuatorIT opts in and
 * shows the writes working.) No cluster is needed: the refusal comes before any container is looked up.
 */
@SpringBootTest(
        classes = ListenerWritesDisabledIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courier.name-server=127.0.0.1:1", "management.endpoints.web.exposure.include=mqlisteners"})
class ListenerWritesDisabledIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @Value("${local.server.port}")
    int port;

    @Test
    void pauseIsRefusedSayingHowToEnableItWhileReadsAreServed() {
        ActuatorClient actuator = new ActuatorClient(port);

        HttpResponse<String> refused = actuator.post("/mqlisteners/orders-group", "{\"action\":\"pause\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ActuatorClient.json(refused).path("error").asString())
                .contains("courier.actuator.write-enabled=true")
                .contains("Spring Security");
        HttpResponse<String> listed = actuator.get("/mqlisteners");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(ActuatorClient.json(listed).path("containers").isArray()).isTrue();
    }
}
