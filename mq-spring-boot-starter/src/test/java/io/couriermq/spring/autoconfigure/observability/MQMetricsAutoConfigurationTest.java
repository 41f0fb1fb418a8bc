package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.client.consumer.ConsumeObserver;
import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.client.producer.ProducerObserver;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the meters exist, what they record, and the cap on distinct topics. */
class MQMetricsAutoConfigurationTest {
    private static final String UNSERVED = "courier.name-server=127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues(UNSERVED)
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    MQAutoConfiguration.class,
                    MQMetricsAutoConfiguration.class));

    @Test
    void withARegistryTheObserversAreBeansAndRecordTimers() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MQProducerMetrics.class);
            assertThat(context).hasSingleBean(MQConsumeMetrics.class);
            assertThat(context).hasSingleBean(ListenerLagMetrics.class);
            assertThat(context.getBeansOfType(ProducerObserver.class)).hasSize(1);
            assertThat(context.getBeansOfType(ConsumeObserver.class)).hasSize(1);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ProducerObserver producer = context.getBean(ProducerObserver.class);
            OutgoingMessage message =
                    OutgoingMessage.builder("Orders", new byte[1]).build();
            producer.onSendSucceeded(message, "broker-a", null, 2_000_000);
            producer.onSendFailed(message, "broker-a", new RuntimeException("x"), 1_000_000, true);
            producer.onSendSucceeded(message, "broker-b", null, 3_000_000);
            Timer success = registry.get(MQProducerMetrics.SEND)
                    .tags("topic", "Orders", "result", "success")
                    .timer();
            assertThat(success.count()).isEqualTo(2);
            assertThat(success.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                    .isEqualTo(5.0);
            assertThat(registry.get(MQProducerMetrics.SEND)
                            .tags("topic", "Orders", "result", "failure")
                            .timer()
                            .count())
                    .isEqualTo(1);

            ConsumeObserver consume = context.getBean(ConsumeObserver.class);
            consume.onConsumed("g1", received("Orders"), "SUCCESS", 1_000);
            consume.onConsumed("g1", received("Orders"), "RECONSUME_LATER", 1_000);
            consume.onConsumed("g1", received("%RETRY%g1"), "EXCEPTION", 1_000);
            assertThat(registry.get(MQConsumeMetrics.CONSUME)
                            .tags("group", "g1", "topic", "Orders", "result", "SUCCESS")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(MQConsumeMetrics.CONSUME)
                            .tags("group", "g1", "topic", "Orders", "result", "RECONSUME_LATER")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(MQConsumeMetrics.CONSUME)
                            .tags("group", "g1", "topic", "%RETRY%g1", "result", "EXCEPTION")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void distinctTopicsPerTimerAreCapped() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ProducerObserver producer = context.getBean(ProducerObserver.class);
            ConsumeObserver consume = context.getBean(ConsumeObserver.class);
            int topics = MQMetricsAutoConfiguration.MAX_TOPICS + 50;
            for (int i = 0; i < topics; i++) {
                producer.onSendSucceeded(
                        OutgoingMessage.builder("T" + i, new byte[1]).build(), "broker-a", null, 1_000);
                consume.onConsumed("g", received("T" + i), "SUCCESS", 1_000);
            }
            assertThat(registry.find(MQProducerMetrics.SEND).timers()).hasSize(MQMetricsAutoConfiguration.MAX_TOPICS);
            assertThat(registry.find(MQConsumeMetrics.CONSUME).timers()).hasSize(MQMetricsAutoConfiguration.MAX_TOPICS);
            // a topic seen before the cap still records
            producer.onSendSucceeded(OutgoingMessage.builder("T0", new byte[1]).build(), "broker-a", null, 1_000);
            assertThat(registry.get(MQProducerMetrics.SEND)
                            .tag("topic", "T0")
                            .timer()
                            .count())
                    .isEqualTo(2);
        });
    }

    @Test
    void anApplicationRegistryIsUsedWithoutBootMetrics() {
        new ApplicationContextRunner()
                .withPropertyValues(UNSERVED)
                .withUserConfiguration(OwnRegistry.class)
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQMetricsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(MQProducerMetrics.class);
                    context.getBean(ProducerObserver.class)
                            .onSendSucceeded(
                                    OutgoingMessage.builder("A", new byte[1]).build(), "b", null, 1);
                    assertThat(context.getBean(SimpleMeterRegistry.class)
                                    .get(MQProducerMetrics.SEND)
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void absentWithoutAMeterRegistryBean() {
        new ApplicationContextRunner()
                .withPropertyValues(UNSERVED)
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQMetricsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MQProducerMetrics.class);
                    assertThat(context).doesNotHaveBean(MQConsumeMetrics.class);
                    assertThat(context).doesNotHaveBean(ListenerLagMetrics.class);
                });
    }

    @Test
    void absentWithoutMicrometer() {
        new ApplicationContextRunner()
                .withPropertyValues(UNSERVED)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQMetricsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MQProducerMetrics.class);
                });
    }

    @Test
    void absentWithoutTheClient() {
        runner.withPropertyValues("courier.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MeterRegistry.class);
            assertThat(context).doesNotHaveBean(MQProducerMetrics.class);
            assertThat(context).doesNotHaveBean(ListenerLagMetrics.class);
        });
    }

    private static ReceivedMessage received(String topic) {
        return new ReceivedMessage(topic, "broker-a", 0, 0, 0, "id", "offset-id", new byte[0], Map.of(), 0, 0, 0, 0);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
