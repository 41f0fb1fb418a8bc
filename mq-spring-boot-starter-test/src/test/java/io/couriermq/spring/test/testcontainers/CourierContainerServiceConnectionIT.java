package io.couriermq.spring.test.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.producer.SendStatus;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.autoconfigure.MQConnectionDetails;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.RecordingListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The broker image from docker/broker behind {@code @ServiceConnection}. Needs a Docker engine and the
 * image ({@code docker build -f docker/broker/Dockerfile -t couriermq/broker:latest .}); without a
 * Docker engine, as on the project's build machines, the class is skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = CourierContainerServiceConnectionIT.App.class)
class CourierContainerServiceConnectionIT {

    @Container
    @ServiceConnection
    static final CourierContainer courier = new CourierContainer();

    @SpringBootApplication
    @Import(Received.class)
    static class App {}

    // From the first offset: the topic is created by the first send, which may come before the listener has its queues.
    @MQMessageListener(
            topic = "ContainerTopic",
            consumerGroup = "container-group",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Received extends RecordingListener<String> {}

    @Autowired
    MQConnectionDetails connection;

    @Autowired
    MQTemplate template;

    @Autowired
    Received received;

    @Test
    void theStarterTalksToTheContainer() {
        assertThat(connection.nameServer()).isEqualTo(courier.getNameServerAddress());
        assertThat(template.syncSend("ContainerTopic", "in a container").status())
                .isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.received.contains("in a container"));
    }
}
