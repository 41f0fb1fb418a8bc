package io.couriermq.spring.autoconfigure.observability;

import io.couriermq.client.ClientRuntime;
import io.couriermq.spring.autoconfigure.MQAutoConfiguration;
import io.couriermq.spring.autoconfigure.MQProperties;
import io.couriermq.spring.listener.MQListenerEndpointRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@code mqlisteners} actuator endpoint, when it is enabled and exposed; its write operation only with
 * Spring Security or {@code courier.actuator.write-enabled=true} ({@link EndpointWriteAccess}).
 */
@AutoConfiguration(after = MQAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean({ClientRuntime.class, MQListenerEndpointRegistry.class})
@ConditionalOnAvailableEndpoint(MQListenersEndpoint.class)
public final class MQListenersEndpointAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MQListenersEndpointAutoConfiguration.class);

    MQListenersEndpointAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    MQListenersEndpoint courierListenersEndpoint(
            MQListenerEndpointRegistry registry, MQProperties properties, ResourceLoader resourceLoader) {
        EndpointWriteAccess access = EndpointWriteAccess.decide(
                properties.getActuator().isWriteEnabled(),
                EndpointWriteAccess.springSecurityPresent(resourceLoader.getClassLoader()));
        log.info(
                "mqlisteners endpoint: pause/resume/restart {} ({})",
                access.allowed() ? "enabled" : "disabled",
                access.reason());
        return new MQListenersEndpoint(registry, access);
    }
}
