package io.couriermq.namesrv.boot;

import io.couriermq.common.time.Clock;
import io.couriermq.console.ConsoleNameServer;
import io.couriermq.namesrv.NameServer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wiring only: the NameServer, its lifecycle, and its actuator views. No routing logic lives here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NameServerProperties.class)
class NameServerConfiguration {

    @Bean
    NameServer nameServer(NameServerProperties properties, Environment environment) {
        return new NameServer(properties.toConfig(NameServerTls.read(environment)), Clock.system());
    }

    @Bean
    NameServerLifecycle nameServerLifecycle(NameServer nameServer) {
        return new NameServerLifecycle(nameServer);
    }

    @Bean
    NameServerHealthIndicator nameServerHealthIndicator(NameServer nameServer, NameServerLifecycle lifecycle) {
        return new NameServerHealthIndicator(nameServer, lifecycle);
    }

    @Bean
    NameServerMetrics nameServerMetrics(NameServer nameServer) {
        return new NameServerMetrics(nameServer);
    }

    /** The console shows every broker this NameServer knows: it asks this NameServer itself. */
    @Bean
    ConsoleNameServer consoleNameServer(NameServer nameServer, NameServerProperties properties) {
        String host = "0.0.0.0".equals(properties.bindAddress()) ? "127.0.0.1" : properties.bindAddress();
        return () -> host + ":" + nameServer.listenPort();
    }

    @Bean
    RoutesEndpoint routesEndpoint(NameServer nameServer) {
        return new RoutesEndpoint(nameServer);
    }
}
