package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.listener.ReceiveObservation;
import io.couriermq.spring.support.SendObservation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Observations of sends and listener calls, with the trace carried in message properties. Opt-in with
 * {@code courier.observation.enabled=true}: it adds properties to every message and work to every call,
 * which an application without tracing should not pay for.
 */
@AutoConfiguration(
        after = MQAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ClientRuntime.class, ObservationRegistry.class})
@ConditionalOnProperty(prefix = "courier.observation", name = "enabled", havingValue = "true")
public final class MQObservationAutoConfiguration {

    MQObservationAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    SendObservation courierSendObservation(ObservationRegistry registry) {
        return new MicrometerSendObservation(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ReceiveObservation courierReceiveObservation(ObservationRegistry registry) {
        return new MicrometerReceiveObservation(registry);
    }
}
