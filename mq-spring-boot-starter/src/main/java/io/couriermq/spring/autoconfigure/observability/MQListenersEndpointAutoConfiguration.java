package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code mqlisteners} actuator endpoint, when it is enabled and exposed. */
@AutoConfiguration(after = MQAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean({ClientRuntime.class, MQListenerEndpointRegistry.class})
@ConditionalOnAvailableEndpoint(MQListenersEndpoint.class)
public final class MQListenersEndpointAutoConfiguration {

    MQListenersEndpointAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    MQListenersEndpoint courierListenersEndpoint(MQListenerEndpointRegistry registry) {
        return new MQListenersEndpoint(registry);
    }
}
