package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * When the {@code mqlisteners} endpoint exists, its answers for ids it does not know, and its write
 * operation: refused unless Spring Security is on the classpath or {@code courier.actuator.write-enabled=true}.
 */
class MQListenersEndpointAutoConfigurationTest {
    private static final String UNSERVED = "courier.name-server=127.0.0.1:1";
    private static final String EXPOSED = "management.endpoints.web.exposure.include=mqlisteners";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues(UNSERVED)
            .withConfiguration(
                    AutoConfigurations.of(MQAutoConfiguration.class, MQListenersEndpointAutoConfiguration.class));

    @Test
    void presentWhenExposed() {
        runner.withPropertyValues(EXPOSED).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MQListenersEndpoint.class);
            MQListenersEndpoint endpoint = context.getBean(MQListenersEndpoint.class);
            assertThat(endpoint.listeners().containers()).isEmpty();
            assertThat(endpoint.listener("nope")).isNull();
        });
    }

    @Test
    void writesAreRefusedByDefaultSayingHowToEnableThem() {
        runner.withPropertyValues(EXPOSED).run(context -> {
            WebEndpointResponse<Object> refused =
                    context.getBean(MQListenersEndpoint.class).control("nope", "pause");
            assertThat(refused.getStatus()).isEqualTo(403);
            assertThat(refused.getBody())
                    .asString()
                    .contains("courier.actuator.write-enabled=true")
                    .contains("Spring Security");
        });
    }

    @Test
    void writesAreServedWhenOptedIn() {
        runner.withPropertyValues(EXPOSED, "courier.actuator.write-enabled=true")
                .run(context -> assertThatThrownBy(
                                () -> context.getBean(MQListenersEndpoint.class).control("nope", "pause"))
                        .isInstanceOf(InvalidEndpointRequestException.class)
                        .hasMessageContaining("nope"));
    }

    @Test
    void writeAccessIsOffUnlessSpringSecurityOrTheOptIn() {
        assertThat(EndpointWriteAccess.decide(false, false).allowed()).isFalse();
        assertThat(EndpointWriteAccess.decide(true, false).allowed()).isTrue();
        assertThat(EndpointWriteAccess.decide(false, true).allowed()).isTrue();
        assertThat(EndpointWriteAccess.springSecurityPresent(
                        new FilteredClassLoader(EndpointWriteAccess.SPRING_SECURITY_CLASS)))
                .isFalse();
    }

    @Test
    void absentWhenNotExposed() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MQListenersEndpoint.class);
        });
    }

    @Test
    void absentWhenAccessIsNone() {
        runner.withPropertyValues(EXPOSED, "management.endpoint.mqlisteners.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(MQListenersEndpoint.class));
    }

    @Test
    void absentWithoutActuator() {
        runner.withPropertyValues(EXPOSED)
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MQListenersEndpoint.class);
                });
    }

    @Test
    void absentWithoutTheClient() {
        runner.withPropertyValues(EXPOSED, "courier.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MQListenersEndpoint.class));
    }
}
