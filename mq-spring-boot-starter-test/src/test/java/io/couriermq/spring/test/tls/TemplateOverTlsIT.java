package io.couriermq.spring.test.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couriermq.client.producer.SendStatus;
import io.couriermq.remoting.netty.tls.TestCertificates;
import io.couriermq.remoting.netty.tls.TlsMode;
import io.couriermq.remoting.netty.tls.TlsServerSettings;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.test.Assignments;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/**
 * A Spring application against a NameServer and a broker that both enforce TLS: with {@code
 * courier.tls.enabled} and the test CA as {@code courier.tls.trust-cert-path} (hostname verification on,
 * the server certificate names 127.0.0.1) the template sends and a listener receives; without TLS the send
 * fails. One cluster for the class; each application is built and closed by its test.
 */
class TemplateOverTlsIT {
    private static final String TOPIC = "TlsOrders";

    @TempDir
    static Path dir;

    private static TestCertificates pki;
    private static EmbeddedCluster cluster;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Orders.class)
    static class App {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SenderOnly {}

    @Component
    @MQMessageListener(topic = TOPIC, consumerGroup = "tls-orders")
    static class Orders extends RecordingListener<String> {}

    @BeforeAll
    static void start() {
        pki = TestCertificates.createIn(dir.resolve("pki"));
        cluster = EmbeddedCluster.builder()
                .parentDirectory(dir)
                .nameServerTls(TlsServerSettings.of(TlsMode.ENFORCING, pki.pem("server")))
                .brokerSettings(Map.of(
                        "tls.server.mode", "enforcing",
                        "tls.server.certPath", pki.pem("server").certChain().toString(),
                        "tls.server.keyPath", pki.pem("server").privateKey().toString()))
                .start();
        cluster.createTopic(TOPIC, 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theTemplateSendsAndAListenerReceivesOverTls() {
        try (ConfigurableApplicationContext app =
                application(App.class, "courier.tls.enabled=true", "courier.tls.trust-cert-path=" + pki.caPem())) {
            MQTemplate template = app.getBean(MQTemplate.class);
            Orders orders = app.getBean(Orders.class);
            Assignments.awaitAll(app.getBean(MQListenerEndpointRegistry.class), cluster);

            assertThat(template.syncSend(TOPIC, "paid over TLS").status()).isEqualTo(SendStatus.SEND_OK);

            await().atMost(Duration.ofSeconds(20)).until(() -> orders.received.contains("paid over TLS"));
        }
    }

    @Test
    void withTlsOffTheSendFails() {
        try (ConfigurableApplicationContext app =
                application(SenderOnly.class, "courier.producer.send-timeout=2s", "courier.producer.retries=0")) {
            MQTemplate template = app.getBean(MQTemplate.class);

            assertThatThrownBy(() -> template.syncSend(TOPIC, "in plain text")).isInstanceOf(MessagingException.class);
        }
    }

    private static ConfigurableApplicationContext application(Class<?> configuration, String... properties) {
        return new SpringApplicationBuilder(configuration)
                .properties(
                        "courier.name-server=" + cluster.nameServerAddress(),
                        "spring.main.web-application-type=none",
                        "spring.main.banner-mode=off")
                .properties(properties)
                .registerShutdownHook(false)
                .run();
    }
}
