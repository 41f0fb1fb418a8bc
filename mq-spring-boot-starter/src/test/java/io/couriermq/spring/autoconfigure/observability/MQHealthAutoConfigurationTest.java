package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the {@code courier} health contributor exists, and what it says without a NameServer. */
class MQHealthAutoConfigurationTest {
    private static final String UNSERVED = "courier.name-server=127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQHealthAutoConfiguration.class));

    @Test
    void withTheClientTheCourierIndicatorIsThereAndDownWhenNoNameServerAnswers() {
        runner.withPropertyValues(UNSERVED, "courier.producer.group=orders").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MQHealthIndicator.class);
            assertThat(context).hasBean("courierHealthIndicator");
            Health health = context.getBean(MQHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            Map<String, Object> details = health.getDetails();
            assertThat(details.get("nameServers"))
                    .isEqualTo(Map.of("reachable", List.of(), "unreachable", List.of("127.0.0.1:1")));
            assertThat(details.get("producerGroups")).isEqualTo(List.of("orders"));
            assertThat(details.get("containers")).isEqualTo(List.of());
        });
    }

    @Test
    void switchedOffByItsHealthProperty() {
        runner.withPropertyValues(UNSERVED, "management.health.courier.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MQHealthIndicator.class));
    }

    @Test
    void switchedOffWithAllDefaultIndicators() {
        runner.withPropertyValues(UNSERVED, "management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MQHealthIndicator.class));
    }

    @Test
    void absentWithoutBootHealth() {
        runner.withPropertyValues(UNSERVED)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MQHealthIndicator.class);
                });
    }

    @Test
    void absentWithoutTheClient() {
        runner.withPropertyValues(UNSERVED, "courier.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MQHealthIndicator.class));
    }
}
