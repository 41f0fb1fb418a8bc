package io.couriermq.spring.test.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.producer.SendStatus;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.EmbeddedMQ;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

@SpringBootTest(classes = TemplateToListenerIT.App.class)
@EmbeddedMQ(topics = "Smoke:2")
class TemplateToListenerIT {

    @SpringBootApplication
    @Import(Collector.class)
    static class App {}

    @Component
    @MQMessageListener(topic = "Smoke", consumerGroup = "smoke-group")
    static class Collector extends RecordingListener<String> {}

    @Autowired
    MQTemplate template;

    @Autowired
    Collector collector;

    @Autowired
    MQListenerEndpointRegistry registry;

    @Autowired
    EmbeddedCluster embeddedMQCluster;

    @Test
    void aSentStringReachesTheListener() {
        Assignments.awaitAll(registry, embeddedMQCluster);
        assertThat(template.syncSend("Smoke:tagA", "hello").status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(20)).until(() -> collector.received.contains("hello"));
    }
}
