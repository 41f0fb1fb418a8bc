package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import io.couriermq.spring.support.MQProducers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code courier} health contributor, when Spring Boot's health support is on the class path and
 * {@code management.health.courier.enabled} is not false.
 */
@AutoConfiguration(after = MQAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ClientRuntime.class)
@ConditionalOnEnabledHealthIndicator("courier")
public final class MQHealthAutoConfiguration {

    MQHealthAutoConfiguration() {}

    /** Named so that the contributor is {@code courier} (Boot drops the HealthIndicator suffix). */
    @Bean
    @ConditionalOnMissingBean(name = "courierHealthIndicator")
    MQHealthIndicator courierHealthIndicator(
            ClientRuntime runtime,
            ObjectProvider<MQProducers> producers,
            ObjectProvider<MQListenerEndpointRegistry> listeners) {
        return new MQHealthIndicator(runtime, producers, listeners);
    }
}
