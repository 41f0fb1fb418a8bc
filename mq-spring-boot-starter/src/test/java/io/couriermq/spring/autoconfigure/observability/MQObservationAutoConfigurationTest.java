package io.couriermq.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couriermq.client.message.OutgoingMessage;
import io.couriermq.client.message.ReceivedMessage;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.listener.ReceiveObservation;
import io.couriermq.spring.support.SendObservation;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the send and receive observations exist, and how the trace context travels: a handler stands in
 * for the tracing bridge, writing and reading a {@code traceparent} the way Micrometer Tracing's
 * propagating handlers do.
 */
class MQObservationAutoConfigurationTest {
    private static final String UNSERVED = "courier.name-server=127.0.0.1:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues(UNSERVED)
            .withUserConfiguration(Registry.class)
            .withConfiguration(AutoConfigurations.of(MQAutoConfiguration.class, MQObservationAutoConfiguration.class));

    @Test
    void offByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SendObservation.class);
            assertThat(context).doesNotHaveBean(ReceiveObservation.class);
        });
    }

    @Test
    void onWithThePropertyAndARegistry() {
        runner.withPropertyValues("courier.observation.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(SendObservation.class);
            assertThat(context).hasSingleBean(ReceiveObservation.class);
            assertThat(context.getBean(SendObservation.class)).isInstanceOf(MicrometerSendObservation.class);
        });
    }

    @Test
    void absentWithoutAnObservationRegistryBean() {
        new ApplicationContextRunner()
                .withPropertyValues(UNSERVED, "courier.observation.enabled=true")
                .withConfiguration(
                        AutoConfigurations.of(MQAutoConfiguration.class, MQObservationAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SendObservation.class);
                    assertThat(context).doesNotHaveBean(ReceiveObservation.class);
                });
    }

    @Test
    void absentWithoutMicrometerObservation() {
        new ApplicationContextRunner()
                .withPropertyValues(UNSERVED, "courier.observation.enabled=true")
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .withConfiguration(
                        AutoConfigurations.of(MQAutoConfiguration.class, MQObservationAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SendObservation.class);
                });
    }

    @Test
    void theSendWritesTraceHeadersIntoPropertiesButNoReservedName() {
        ObservationRegistry registry = ObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-abc-def-01");
                context.getSetter().set(context.getCarrier(), "KEYS", "hijacked");
            }

            @Override
            public void onStop(SenderContext<Object> context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        OutgoingMessage message =
                OutgoingMessage.builder("Orders", new byte[1]).keys("k1").build();

        SendObservation.Started started = new MicrometerSendObservation(registry).start(message);

        assertThat(started.message().property("traceparent")).isEqualTo("00-abc-def-01");
        assertThat(started.message().property("KEYS")).isEqualTo("k1");
        assertThat(stopped).isEmpty();
        RuntimeException failure = new RuntimeException("broker busy");
        started.onEnd().accept(failure);
        assertThat(stopped).hasSize(1);
        Observation.Context context = stopped.get(0);
        assertThat(context.getName()).isEqualTo("courier.send");
        assertThat(context.getError()).isSameAs(failure);
        assertThat(context.getLowCardinalityKeyValues())
                .contains(
                        KeyValue.of("messaging.system", "couriermq"),
                        KeyValue.of("messaging.destination.name", "Orders"));
    }

    @Test
    void theListenerCallRunsInAReceiveObservationThatReadsTheProperties() throws Exception {
        ObservationRegistry registry = ObservationRegistry.create();
        List<String> extracted = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<ReceiverContext<Object>>() {
            @Override
            public void onStart(ReceiverContext<Object> context) {
                extracted.add(context.getGetter().get(context.getCarrier(), "traceparent"));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ReceiverContext;
            }
        });
        ReceivedMessage message = new ReceivedMessage(
                "Orders",
                "broker-a",
                0,
                0,
                0,
                "id-1",
                "o",
                new byte[0],
                Map.of("traceparent", "00-x-y-01"),
                0,
                0,
                0,
                0);
        MicrometerReceiveObservation observation = new MicrometerReceiveObservation(registry);

        Object result = observation.observe("g1", message, () -> {
            Observation current = registry.getCurrentObservation();
            assertThat(current).isNotNull();
            assertThat(current.getContext().getName()).isEqualTo("courier.receive");
            assertThat(current.getContext().getLowCardinalityKeyValues())
                    .contains(
                            KeyValue.of("messaging.system", "couriermq"),
                            KeyValue.of("messaging.destination.name", "Orders"),
                            KeyValue.of("messaging.consumer.group.name", "g1"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(extracted).containsExactly("00-x-y-01");
        assertThat(registry.getCurrentObservation()).isNull();
        assertThatThrownBy(() -> observation.observe("g1", message, () -> {
                    throw new IllegalStateException("listener failed");
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }
    }
}
