package io.couriermq.spring.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.RecordingListener;
import io.couriermq.test.EmbeddedCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Closing an application that sent and consumed messages logs nothing at WARN or above (rocketmq-spring
 * users see errors at every shutdown): listeners stop first, then producers, then the client runtime.
 */
class QuietShutdownIT {
    private EmbeddedCluster cluster;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Received.class)
    static class App {}

    @MQMessageListener(
            topic = "QuietTopic",
            consumerGroup = "quiet-group",
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    static class Received extends RecordingListener<String> {}

    @BeforeEach
    void startCluster() {
        cluster = EmbeddedCluster.builder().start();
        cluster.createTopic("QuietTopic", 2);
    }

    @AfterEach
    void stopCluster() {
        root.detachAppender(logged);
        cluster.close();
    }

    @Test
    void aGracefulCloseLogsNoWarningOrError() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("courier.name-server=" + cluster.nameServerAddress(), "courier.producer.group=quiet")
                .run();
        MQTemplate template = context.getBean(MQTemplate.class);
        Received received = context.getBean(Received.class);
        for (int i = 0; i < 10; i++) {
            template.syncSend("QuietTopic", "m" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.received.size() >= 10);

        logged.start();
        root.addAppender(logged);
        context.close();

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .as("WARN or ERROR lines logged while the application closed")
                .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .isEmpty();
    }
}
